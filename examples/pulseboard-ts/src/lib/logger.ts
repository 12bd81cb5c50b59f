type Level = 'debug' | 'info' | 'warn' | 'error';

function log(level: Level, message: string, meta: Record<string, unknown> = {}) {
  const line = JSON.stringify({ level, message, ...meta, at: new Date().toISOString() });
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
}

export const logger = {
  debug: (m: string, meta?: Record<string, unknown>) => log('debug', m, meta),
  info: (m: string, meta?: Record<string, unknown>) => log('info', m, meta),
  warn: (m: string, meta?: Record<string, unknown>) => log('warn', m, meta),
  error: (m: string, meta?: Record<string, unknown>) => log('error', m, meta),
};

/** Writes a deprecation warning to the server log; nobody is messaged. */
export function notifyDeprecated(feature: string, replacement: string) {
  logger.warn(`${feature} is deprecated, use ${replacement}`, { feature });
}
