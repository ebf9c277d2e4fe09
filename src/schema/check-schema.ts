import * as v from 'valibot';

/** A schema's verdict as a value: the parsed output, or one readable sentence naming the path that failed. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Runs a valibot schema and turns its first issue into text a person can act on: `args.track.kind: expected
 * "asr" | "uploaded", got "manual"`. Never throws. `root` names the checked value in the message (`args`,
 * `settings`; '' for paths alone: `entries[3].weight`). abortEarly: the first problem is enough to reject, and it stops the walk at once
 * (a 15 MB body is only type- and length-checked, never scanned).
 */
export function checkSchema<S extends v.GenericSchema>(schema: S, value: unknown, root: string): Checked<v.InferOutput<S>> {
  const result = v.safeParse(schema, value, { abortEarly: true, message: describeIssue });
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, error: issueText(result.issues[0], root) };
}

/** Every problem as `path: message` (e.g. a lexicon file the user should be able to fix in one go). */
export function checkSchemaAll<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  root: string,
): { ok: true; value: v.InferOutput<S> } | { ok: false; errors: string[] } {
  const result = v.safeParse(schema, value, { abortPipeEarly: true, message: describeIssue });
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, errors: result.issues.map((issue) => issueText(issue, root)) };
}

function issueText(issue: v.BaseIssue<unknown>, root: string): string {
  let path = root;
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : path === '' ? String(key) : `.${String(key)}`;
  }
  return `${path || 'value'}: ${issue.message}`;
}

/**
 * The wording of every issue whose schema brings no message of its own: one voice for all boundaries. Valibot's
 * defaults ("Invalid key: Expected never but received …") read like a stack trace.
 */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const { type, expected } = issue;
  const received = short(issue.received);
  const requirement = (issue as { requirement?: unknown }).requirement;
  if (issue.kind === 'schema') {
    if (expected === 'never') return `unexpected field ${received}`;
    if (issue.input === undefined && issue.path?.at(-1)?.origin === 'key') return 'missing';
    return `expected ${describeExpected(type, expected)}, got ${received}`;
  }
  switch (type) {
    case 'max_length':
      return `too long (${received} characters; at most ${String(requirement)})`;
    case 'min_length':
      return requirement === 1 ? 'is empty' : `too short (at least ${String(requirement)})`;
    case 'max_size':
      return `too many items (${received}; at most ${String(requirement)})`;
    case 'integer':
      return `expected an integer, got ${received}`;
    case 'min_value':
    case 'max_value':
      return `${received} is outside the allowed range (${type === 'min_value' ? 'at least' : 'at most'} ${String(requirement)})`;
    case 'finite':
      return `expected a finite number, got ${received}`;
    default:
      return `invalid value ${received}${expected ? ` (expected ${expected})` : ''}`;
  }
}

function describeExpected(type: string, expected: string | null): string {
  if (type === 'strict_object' || type === 'object' || type === 'loose_object') return 'an object';
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'array') return `a ${type === 'array' ? 'list' : type}`;
  if (expected?.startsWith('(') && expected.endsWith(')')) return `one of ${expected.slice(1, -1)}`;
  return expected ?? type;
}

/** Received values are quoted in messages: keep a hostile or huge one from flooding a log or the panel. */
function short(received: string): string {
  return received.length > 80 ? `${received.slice(0, 77)}…` : received;
}
