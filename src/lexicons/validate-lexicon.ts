import type { Lexicon, LexiconEntry, LensName } from './lexicon';

export type LexiconValidation = { ok: true; lexicon: Lexicon } | { ok: false; errors: string[] };

const LENSES: readonly LensName[] = ['Technical', 'Governance', 'Societal', 'Economic'];
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const CONCEPT = /^[a-z][a-z0-9-]{0,39}$/;
/** A pattern word as the tokeniser produces it (lower case, no apostrophes), optionally a `stem*` of ≥ 3 letters. */
const WORD = /^[a-z0-9]+$/;
const STEM = /^[a-z0-9]{3,}\*$/;
export const MAX_WEIGHT = 5;
export const MAX_ENTRIES = 5000;
export const MAX_PATTERN_WORDS = 8;

/**
 * Checks untrusted data (an imported file, stored settings) against the Lexicon shape and the rules the
 * matcher relies on. Every problem is reported with the path of the offending value, e.g.
 * `entries[3].weight: must be a number between -5 and 5`, so a user can fix a file from the message alone.
 * The lexicon returned is a fresh copy holding only known fields.
 */
export function validateLexicon(data: unknown): LexiconValidation {
  const errors: string[] = [];
  if (!isRecord(data)) return { ok: false, errors: ['lexicon: must be a JSON object'] };

  const text = (key: string, rule?: RegExp, hint?: string): string => {
    const value = data[key];
    if (typeof value !== 'string' || value.trim() === '') errors.push(`${key}: must be a non-empty string`);
    else if (rule && !rule.test(value)) errors.push(`${key}: ${hint}`);
    return typeof value === 'string' ? value : '';
  };
  const id = text('id', ID, 'must be lower-case letters, digits and dashes (at most 64), e.g. "my-lexicon"');
  const name = text('name');
  const version = text('version');
  const description = typeof data.description === 'string' ? data.description : '';
  if (data.description !== undefined && typeof data.description !== 'string') errors.push('description: must be a string');
  const kind = data.kind;
  if (kind !== 'spectrum' && kind !== 'lens') errors.push('kind: must be "spectrum" or "lens"');

  const entries: LexiconEntry[] = [];
  if (!Array.isArray(data.entries)) errors.push('entries: must be an array of entries');
  else if (data.entries.length === 0) errors.push('entries: must not be empty');
  else if (data.entries.length > MAX_ENTRIES) errors.push(`entries: at most ${MAX_ENTRIES} entries`);
  else {
    const seen = new Map<string, number>();
    data.entries.forEach((raw: unknown, i: number) => {
      const entry = validateEntry(raw, `entries[${i}]`, kind === 'lens' ? 'lens' : 'spectrum', errors);
      if (!entry) return;
      const first = seen.get(entry.pattern);
      if (first !== undefined) errors.push(`entries[${i}].pattern: "${entry.pattern}" repeats entries[${first}]`);
      else seen.set(entry.pattern, i);
      entries.push(entry);
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, lexicon: { id, name, version, description, kind: kind as Lexicon['kind'], entries } };
}

function validateEntry(raw: unknown, path: string, kind: 'spectrum' | 'lens', errors: string[]): LexiconEntry | null {
  if (!isRecord(raw)) {
    errors.push(`${path}: must be an object with pattern and weight`);
    return null;
  }
  const before = errors.length;
  const pattern = raw.pattern;
  if (typeof pattern !== 'string' || pattern.trim() === '') errors.push(`${path}.pattern: must be a non-empty string`);
  else {
    const words = pattern.split(' ');
    if (words.length > MAX_PATTERN_WORDS) errors.push(`${path}.pattern: at most ${MAX_PATTERN_WORDS} words`);
    const bad = words.find((w) => !WORD.test(w) && !STEM.test(w));
    if (bad !== undefined) {
      errors.push(
        `${path}.pattern: "${bad}" in "${pattern}" must be lower-case letters/digits (no punctuation, apostrophes or double spaces; contractions expanded), optionally ending in * after at least 3 letters`,
      );
    }
  }
  const weight = raw.weight;
  if (typeof weight !== 'number' || !Number.isFinite(weight) || Math.abs(weight) > MAX_WEIGHT) {
    errors.push(`${path}.weight: must be a number between -${MAX_WEIGHT} and ${MAX_WEIGHT}`);
  } else if (kind === 'lens' && weight !== 0) errors.push(`${path}.weight: must be 0 in a lens lexicon`);
  const concept = raw.concept;
  if (concept !== undefined && (typeof concept !== 'string' || !CONCEPT.test(concept))) {
    errors.push(`${path}.concept: must be a lower-case id like "alignment" or "job-loss"`);
  }
  const lens = raw.lens;
  if (kind === 'lens' && !LENSES.includes(lens as LensName)) errors.push(`${path}.lens: must be one of ${LENSES.join(', ')}`);
  if (kind === 'spectrum' && lens !== undefined) errors.push(`${path}.lens: only entries of a lens lexicon have a lens`);
  if (errors.length > before) return null;
  return {
    pattern: pattern as string,
    weight: weight as number,
    ...(concept !== undefined ? { concept: concept as string } : {}),
    ...(kind === 'lens' ? { lens: lens as LensName } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
