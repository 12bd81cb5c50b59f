'use strict';
// Test-only stand-in for @personize/sdk (see package.json). It maps each documented method to
// its documented REST endpoint and resolves to the response envelope, so compiled recipes can
// run against the loopback imitation. PERSONIZE_BASE_URL overrides the base URL for tests.

class RateLimitExceededError extends Error {
  constructor(body) {
    super(body.message || 'rate limit exceeded');
    this.name = 'RateLimitExceededError';
    this.retryAfterSeconds = body.retryAfterSeconds;
    this.limit = body.limit;
    this.current = body.current;
    this.window = body.window;
  }
}

class AuthenticationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

function query(params) {
  const entries = Object.entries(params || {}).filter(([, v]) => v !== undefined && v !== null);
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
}

class Personize {
  constructor(options) {
    if (!options || !options.secretKey) throw new AuthenticationError('secretKey is required');
    this.secretKey = options.secretKey;
    this.baseURL = (process.env.PERSONIZE_BASE_URL || options.baseURL || 'https://agent.personize.ai').replace(/\/$/, '');
    const post = (path) => (body) => this.call('POST', path, body);
    this.memory = {
      memorize: post('/memorize'),
      memorizeBatch: post('/batch-memorize'),
      recall: post('/recall'),
      smartRecall: post('/smart-recall'),
      smartDigest: post('/smart-memory-digest'),
      search: post('/search'),
      upsert: post('/upsert'),
    };
    this.ai = { smartGuidelines: post('/ai/smart-guidelines'), prompt: post('/prompt') };
    const crud = (base) => ({
      list: (q) => this.call('GET', `${base}${query(q)}`),
      create: (body) => this.call('POST', base, body),
      update: (id, body) => this.call('PATCH', `${base}/${encodeURIComponent(id)}`, body),
      delete: (id) => this.call('DELETE', `${base}/${encodeURIComponent(id)}`),
    });
    this.collections = {
      ...crud('/collections'),
      history: (id, q) => this.call('GET', `/collections/${encodeURIComponent(id)}/history${query(q)}`),
    };
    this.guidelines = {
      ...crud('/guidelines'),
      getStructure: (id) => this.call('GET', `/guidelines/${encodeURIComponent(id)}/structure`),
      getSection: (id, q) => this.call('GET', `/guidelines/${encodeURIComponent(id)}/section${query(q)}`),
      history: (id, q) => this.call('GET', `/actions/${encodeURIComponent(id)}/history${query(q)}`),
    };
    this.agents = {
      list: (q) => this.call('GET', `/agents${query(q)}`),
      get: (id) => this.call('GET', `/agents/${encodeURIComponent(id)}`),
      run: (id, body) => this.call('POST', `/agents/${encodeURIComponent(id)}/run`, body || {}),
    };
  }

  test() { return this.call('GET', '/test'); }

  me() { return this.call('GET', '/me'); }

  async call(method, path, body) {
    const res = await fetch(`${this.baseURL}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${this.secretKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const envelope = await res.json().catch(() => ({ success: false, error: 'bad_json' }));
    if (res.status === 429) throw new RateLimitExceededError(envelope);
    if (res.status === 401 || res.status === 403) throw new AuthenticationError(envelope.message || 'unauthorized');
    if (!res.ok) throw new Error(`${res.status} ${envelope.error || ''}: ${envelope.message || ''}`.trim());
    return envelope;
  }
}

module.exports = { Personize, RateLimitExceededError, AuthenticationError };
