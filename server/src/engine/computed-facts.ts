import jsonata, { type Expression } from 'jsonata';

export interface ComputedFact {
  name: string;
  expression: string;
}

const compiled = new Map<string, Expression>();
const TIMEOUT_MS = 200;

/** A JSONata expression, compiled once. JSONata is a sandboxed query language: no access to Node or globals. */
export function compileExpression(expression: string): Expression {
  let found = compiled.get(expression);
  if (!found) {
    found = jsonata(expression);
    if (compiled.size > 5000) compiled.clear();
    compiled.set(expression, found);
  }
  return found;
}

/**
 * Evaluates computed facts in order, each seeing the input facts and the facts computed before it
 * (`subtotal`, then `gst` from `subtotal`...). A fact whose expression fails or times out is absent.
 */
export async function computeFacts(definitions: readonly ComputedFact[], facts: Record<string, unknown>): Promise<Record<string, unknown>> {
  const context: Record<string, unknown> = { ...facts };
  const computed: Record<string, unknown> = {};
  for (const { name, expression } of definitions) {
    const value = await withTimeout(compileExpression(expression).evaluate(context), TIMEOUT_MS);
    if (value !== undefined) {
      context[name] = normalise(value);
      computed[name] = context[name];
    }
  }
  return computed;
}

// JSONata returns its own array subclass with extra markers; plain JSON keeps comparisons and logs clean.
function normalise(value: unknown): unknown {
  return value === null || typeof value !== 'object' ? value : JSON.parse(JSON.stringify(value));
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
