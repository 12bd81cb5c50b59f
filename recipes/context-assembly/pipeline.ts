/**
 * Assemble governed context for one person before generating anything for them.
 *
 *   npx ts-node pipeline.ts <email> "<task>" [--website https://acme.com] [--budget 2000]
 *
 * Three layers, fetched in parallel: guidelines (how we write), the entity digest (who this
 * is), and task-specific recall (what matters for this task). A layer that fails is left out
 * and logged; the caller still gets whatever context the other layers produced.
 */
import {
  Personize,
  type ApiResponse,
  type SmartRecallData,
  type SmartRecallItem,
} from '@personize/sdk';

export interface ContextRequest {
  email: string;
  task: string;
  /** Also pull the company digest (cross-entity context). */
  websiteUrl?: string;
  tokenBudget?: number;
}

export interface AssembledContext {
  /** Sections joined with `\n\n---\n\n`, ready for `ai.prompt({ context })`. */
  text: string;
  /** Which layers made it in; generation can flag a message when guidelines are missing. */
  layers: { guidelines: boolean; contact: boolean; company: boolean; facts: number };
}

const log = (message: string): void => console.error(`[context] ${message}`);

/** smartRecall data is documented both as `{ results }` and as a bare array. */
export function recallItems(data: SmartRecallData | undefined): SmartRecallItem[] {
  if (!data) return [];
  return Array.isArray(data) ? data : data.results;
}

function itemText(item: SmartRecallItem): string {
  return item.text ?? item.content ?? item.memory ?? '';
}

/** The value of a settled call, or undefined (logged) when it failed. */
function settled<T>(name: string, result: PromiseSettledResult<ApiResponse<T>>): T | undefined {
  if (result.status === 'rejected') {
    log(`${name} unavailable: ${result.reason instanceof Error ? result.reason.message : String(result.reason)}`);
    return undefined;
  }
  if (!result.value.success) log(`${name} unavailable: ${result.value.message ?? result.value.error ?? 'no data'}`);
  return result.value.data;
}

export async function assembleContext(client: Personize, req: ContextRequest): Promise<AssembledContext> {
  const budget = req.tokenBudget ?? 2000;
  const [guidelines, contact, company, recalled] = await Promise.allSettled([
    client.ai.smartGuidelines({ message: `${req.task}: tone, rules and constraints`, mode: 'fast' }),
    client.memory.smartDigest({ email: req.email, type: 'Contact', token_budget: budget, include_properties: true, include_memories: true }),
    req.websiteUrl
      ? client.memory.smartDigest({ website_url: req.websiteUrl, type: 'Company', token_budget: Math.round(budget / 2) })
      : Promise.resolve({ success: true } as ApiResponse<never>),
    client.memory.smartRecall({ query: req.task, email: req.email, type: 'Contact', fast_mode: true, limit: 10, minScore: 0.3 }),
  ]);

  const rules = settled('guidelines', guidelines)?.compiledContext ?? '';
  const person = settled('contact digest', contact)?.compiledContext ?? '';
  const account = settled('company digest', company)?.compiledContext ?? '';
  const facts = recallItems(settled('recall', recalled)).map(itemText).filter((t) => t.length > 0);

  const sections: string[] = [];
  if (rules) sections.push(`## Guidelines\n${rules}`);
  if (person) sections.push(`## Recipient\n${person}`);
  if (account) sections.push(`## Company\n${account}`);
  if (facts.length > 0) sections.push(`## Relevant facts\n${facts.map((f) => `- ${f}`).join('\n')}`);
  return {
    text: sections.join('\n\n---\n\n'),
    layers: { guidelines: rules !== '', contact: person !== '', company: account !== '', facts: facts.length },
  };
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const [email, task] = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (!email || !task) throw new Error('usage: pipeline.ts <email> "<task>" [--website URL] [--budget N]');
  const secretKey = process.env.PERSONIZE_SECRET_KEY;
  if (!secretKey) throw new Error('set PERSONIZE_SECRET_KEY');
  const client = new Personize({ secretKey });
  const budget = Number(option(argv, '--budget') ?? 2000);
  const context = await assembleContext(client, { email, task, websiteUrl: option(argv, '--website'), tokenBudget: budget });
  log(`layers: ${JSON.stringify(context.layers)}`);
  process.stdout.write(`${context.text}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    log(`failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
