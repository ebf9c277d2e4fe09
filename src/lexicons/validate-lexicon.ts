import { checkSchemaAll } from '../schema/check-schema';
import { isPlainRecord } from '../schema/plain-record';
import { CustomLexiconSchema, LexiconSchema, type Lexicon } from './lexicon';

export { MAX_ENTRIES, MAX_PATTERN_WORDS, MAX_WEIGHT } from './lexicon';

export type LexiconValidation = { ok: true; lexicon: Lexicon } | { ok: false; errors: string[] };

/**
 * Checks untrusted data against the lexicon schema (lexicon.ts). Every problem is reported with the path of the
 * offending value, e.g. `entries[3].weight: must be a number between -5 and 5`. The lexicon returned is a fresh
 * copy holding only known fields.
 */
export function validateLexicon(data: unknown): LexiconValidation {
  return validate(LexiconSchema, data);
}

/** The same, for a custom lexicon: also refuses a built-in's id (options page, worker, CLI — one rule). */
export function validateCustomLexicon(data: unknown): LexiconValidation {
  return validate(CustomLexiconSchema, data);
}

function validate(schema: typeof LexiconSchema | typeof CustomLexiconSchema, data: unknown): LexiconValidation {
  if (!isPlainRecord(data)) return { ok: false, errors: ['lexicon: must be a JSON object'] };
  const result = checkSchemaAll(schema, data, '');
  return result.ok ? { ok: true, lexicon: result.value } : { ok: false, errors: result.errors };
}
