/**
 * A lexicon is data: JSON with this shape. The schema is the one rule for a lexicon wherever one arrives — an
 * imported file (options page), the CLI's `--lexicon-file`, a custom lexicon read back from settings, and the
 * built-ins (a unit test holds them to it). The types are inferred from it. Messages name the path, so a user
 * can fix a file from the message alone: `entries[3].weight: must be a number between -5 and 5`.
 */
import * as v from 'valibot';
import { isBuiltinLexiconId } from './builtin-lexicon-ids';

export const MAX_WEIGHT = 5;
export const MAX_ENTRIES = 5000;
export const MAX_PATTERN_WORDS = 8;

const LEXICON_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const CONCEPT = /^[a-z][a-z0-9-]{0,39}$/;
/** A pattern word as the tokeniser produces it (lower case, no apostrophes), optionally a `stem*` of ≥ 3 letters. */
const WORD = /^[a-z0-9]+$/;
const STEM = /^[a-z0-9]{3,}\*$/;

const ID_RULE = 'must be lower-case letters, digits and dashes (at most 64), e.g. "my-lexicon"';
/** A lexicon id: the key of `enabledLexicons`, the CLI's `--lexicons`, and part of the cache key's lexicon hash. */
export const LexiconIdSchema = v.pipe(v.string(ID_RULE), v.maxLength(64, ID_RULE), v.regex(LEXICON_ID, ID_RULE));

const nonEmptyText = (max: number) =>
  v.pipe(
    v.string('must be a non-empty string'),
    v.maxLength(max, `must be at most ${max} characters`),
    v.check((text) => text.trim() !== '', 'must be a non-empty string'),
  );

export const LensNameSchema = v.picklist(['Technical', 'Governance', 'Societal', 'Economic'], 'must be one of Technical, Governance, Societal, Economic');
export type LensName = v.InferOutput<typeof LensNameSchema>;

function badPatternWord(pattern: string): string | undefined {
  return pattern.split(' ').find((word) => !WORD.test(word) && !STEM.test(word));
}

/** A word, a `stem*` wildcard, or a multi-word phrase (space-separated tokens, each may end in `*`). */
const PatternSchema = v.pipe(
  nonEmptyText(400),
  v.check((pattern) => pattern.split(' ').length <= MAX_PATTERN_WORDS, `at most ${MAX_PATTERN_WORDS} words`),
  v.check(
    (pattern) => badPatternWord(pattern) === undefined,
    (issue) => {
      const pattern = issue.input as string;
      return `"${badPatternWord(pattern)}" in "${pattern}" must be lower-case letters/digits (no punctuation, apostrophes or double spaces; contractions expanded), optionally ending in * after at least 3 letters`;
    },
  ),
);

const WEIGHT_RULE = `must be a number between -${MAX_WEIGHT} and ${MAX_WEIGHT}`;
/** Signed for spectrum entries (risk < 0 < opportunity); 0 for lens entries. */
const WeightSchema = v.pipe(v.number(WEIGHT_RULE), v.finite(WEIGHT_RULE), v.minValue(-MAX_WEIGHT, WEIGHT_RULE), v.maxValue(MAX_WEIGHT, WEIGHT_RULE));
/** Concept id fed to "emphasizes" (e.g. `alignment`, `safety`). */
const ConceptSchema = v.optional(v.pipe(v.string(), v.regex(CONCEPT, 'must be a lower-case id like "alignment" or "job-loss"')));

/** One entry; the rules that depend on the lexicon's kind are checked on the whole lexicon (below). */
const LexiconEntrySchema = v.object(
  {
    pattern: PatternSchema,
    weight: WeightSchema,
    concept: ConceptSchema,
    /** For lens lexicons: which lens this entry votes for. */
    lens: v.optional(LensNameSchema),
  },
  'must be an object with pattern and weight',
);
export type LexiconEntry = v.InferOutput<typeof LexiconEntrySchema>;

type Path = [v.IssuePathItem, ...v.IssuePathItem[]];
const at = (lexicon: { entries: LexiconEntry[] }, index: number, key: keyof LexiconEntry): Path => [
  { type: 'object', origin: 'value', input: lexicon, key: 'entries', value: lexicon.entries },
  { type: 'array', origin: 'value', input: lexicon.entries, key: index, value: lexicon.entries[index] },
  { type: 'object', origin: 'value', input: lexicon.entries[index] as LexiconEntry, key, value: lexicon.entries[index]?.[key] },
];

/** A lexicon (unknown fields are dropped: the parsed value is a fresh copy holding only known ones). */
export const LexiconSchema = v.pipe(
  v.object({
    id: LexiconIdSchema,
    name: nonEmptyText(200),
    version: nonEmptyText(64),
    description: v.optional(v.string('must be a string'), ''),
    kind: v.picklist(['spectrum', 'lens'], 'must be "spectrum" or "lens"'),
    entries: v.pipe(
      v.array(LexiconEntrySchema, 'must be an array of entries'),
      v.minLength(1, 'must not be empty'),
      v.maxLength(MAX_ENTRIES, `at most ${MAX_ENTRIES} entries`),
    ),
  }),
  // Rules across fields: a lens lexicon's entries have a lens and weight 0, a spectrum's have no lens; no pattern
  // twice (the second would silently never match).
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { kind, entries } = dataset.value;
    const seen = new Map<string, number>();
    entries.forEach((entry, index) => {
      if (kind === 'lens' && entry.weight !== 0) addIssue({ message: 'must be 0 in a lens lexicon', path: at(dataset.value, index, 'weight') });
      if (kind === 'lens' && entry.lens === undefined) {
        addIssue({ message: 'must be one of Technical, Governance, Societal, Economic', path: at(dataset.value, index, 'lens') });
      }
      if (kind === 'spectrum' && entry.lens !== undefined) {
        addIssue({ message: 'only entries of a lens lexicon have a lens', path: at(dataset.value, index, 'lens') });
      }
      const first = seen.get(entry.pattern);
      if (first === undefined) seen.set(entry.pattern, index);
      else addIssue({ message: `"${entry.pattern}" repeats entries[${first}]`, path: at(dataset.value, index, 'pattern') });
    });
  }),
);

export type Lexicon = v.InferOutput<typeof LexiconSchema>;
export type LexiconKind = Lexicon['kind'];

/**
 * A custom lexicon (imported by the user, stored in settings, given to the CLI): a lexicon whose id is not a
 * built-in's. One rule for the options page, the worker and the CLI — a user's file can never stand in for a
 * built-in lexicon of the DESIGN §9 contract under its id.
 */
export const CustomLexiconSchema = v.pipe(
  LexiconSchema,
  v.forward(
    v.check((lexicon) => !isBuiltinLexiconId(lexicon.id), (issue) => `"${(issue.input as Lexicon).id}" is the id of a built-in lexicon; give your lexicon its own id.`),
    ['id'],
  ),
);
