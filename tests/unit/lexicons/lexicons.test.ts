import { describe, expect, it } from 'vitest';
import { BUILTIN_LEXICONS, BUILTIN_LEXICON_IDS } from '../../../src/lexicons/builtin-lexicons';
import { GENERIC_SENTIMENT_WORDS } from '../../../src/lexicons/generic-words';
import type { Lexicon } from '../../../src/lexicons/lexicon';
import { lexiconSetHash } from '../../../src/lexicons/lexicon-hash';
import { resolveLexicons } from '../../../src/lexicons/resolve-lexicons';
import { validateCustomLexicon, validateLexicon } from '../../../src/lexicons/validate-lexicon';
import { isBuiltinLexiconId } from '../../../src/lexicons/builtin-lexicon-ids';
import { planLexiconImport } from '../../../src/ui/shared/custom-lexicons';
import { defaultSettings } from '../../../src/settings/settings-schema';

const SPECTRUM = ['ai-risk', 'ai-opportunity', 'societal-harm', 'governance-safety'];
const LENS = ['lens-technical', 'lens-governance', 'lens-societal', 'lens-economic'];
/** DESIGN §9.1: the learned stance lexicon is a ninth built-in, after the eight of §9. */
const LEARNED = ['ai-stance'];
/** Generic praise and complaint: not a stance on AI, so never a spectrum pattern. */
const GENERIC = GENERIC_SENTIMENT_WORDS;

describe('built-in lexicons', () => {
  it('have the ids of DESIGN §9', () => {
    expect(BUILTIN_LEXICON_IDS).toEqual([...SPECTRUM, ...LENS, ...LEARNED]);
    // The id list (used by settings without the data) and the shipped data agree.
    expect(BUILTIN_LEXICONS.map((l) => l.id)).toEqual([...BUILTIN_LEXICON_IDS]);
    for (const lexicon of BUILTIN_LEXICONS) expect(lexicon.kind).toBe(LENS.includes(lexicon.id) ? 'lens' : 'spectrum');
  });

  it.each(BUILTIN_LEXICONS.map((l) => [l.id, l] as const))('%s passes its own validator', (_id, lexicon) => {
    const result = validateLexicon(JSON.parse(JSON.stringify(lexicon)));
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(lexicon.description.length).toBeGreaterThan(40);
  });

  // The learned lexicon borrows concepts only where a hand-made entry covers its pattern (src/training/learn-lexicon.ts).
  it('hold hundreds of hand-made spectrum patterns, both signs, with concepts', () => {
    const entries = BUILTIN_LEXICONS.filter((l) => l.kind === 'spectrum' && !LEARNED.includes(l.id)).flatMap((l) => l.entries);
    expect(entries.length).toBeGreaterThanOrEqual(300);
    expect(entries.filter((e) => e.weight < 0).length).toBeGreaterThan(100);
    expect(entries.filter((e) => e.weight > 0).length).toBeGreaterThan(100);
    expect(entries.filter((e) => e.weight !== 0).every((e) => e.concept)).toBe(true);
    const concepts = new Set(entries.map((e) => e.concept));
    for (const concept of ['alignment', 'safety', 'governance', 'interpretability']) expect(concepts).toContain(concept);
  });

  it('never score generic praise or complaint', () => {
    const patterns = BUILTIN_LEXICONS.filter((l) => l.kind === 'spectrum').flatMap((l) => l.entries.map((e) => e.pattern));
    for (const word of GENERIC) {
      const hit = patterns.find((p) => p === word || (p.endsWith('*') && !p.includes(' ') && word.startsWith(p.slice(0, -1))));
      expect(hit, `${word} matched by ${hit}`).toBeUndefined();
    }
  });
});

const valid: Lexicon = { id: 'my-lexicon', name: 'Mine', version: '1.0.0', description: 'test', kind: 'spectrum', entries: [{ pattern: 'doom loop*', weight: -2, concept: 'doom' }] };

describe('validateLexicon', () => {
  it('accepts a valid lexicon and returns a clean copy', () => {
    const result = validateLexicon({ ...valid, extra: 'dropped' });
    expect(result).toEqual({ ok: true, lexicon: valid });
  });

  it.each([
    [null, 'lexicon: must be a JSON object'],
    [[], 'lexicon: must be a JSON object'],
    [{ ...valid, id: 'My Lexicon' }, 'id: must be lower-case'],
    [{ ...valid, name: '' }, 'name: must be a non-empty string'],
    [{ ...valid, version: 3 }, 'version: must be a non-empty string'],
    [{ ...valid, kind: 'mood' }, 'kind: must be "spectrum" or "lens"'],
    [{ ...valid, entries: [] }, 'entries: must not be empty'],
    [{ ...valid, entries: 'doom' }, 'entries: must be an array'],
    [{ ...valid, entries: ['doom'] }, 'entries[0]: must be an object'],
    [{ ...valid, entries: [{ pattern: 'Doom', weight: 1 }] }, 'entries[0].pattern: "Doom"'],
    [{ ...valid, entries: [{ pattern: "don't", weight: 1 }] }, 'entries[0].pattern: "don\'t"'],
    [{ ...valid, entries: [{ pattern: 'ab*', weight: 1 }] }, 'entries[0].pattern: "ab*"'],
    [{ ...valid, entries: [{ pattern: 'doom', weight: '1' }] }, 'entries[0].weight: must be a number between -5 and 5'],
    [{ ...valid, entries: [{ pattern: 'doom', weight: 50 }] }, 'entries[0].weight: must be a number between -5 and 5'],
    [{ ...valid, entries: [{ pattern: 'doom', weight: 1, concept: 'Big Idea' }] }, 'entries[0].concept: must be a lower-case id'],
    [{ ...valid, entries: [{ pattern: 'doom', weight: 1, lens: 'Technical' }] }, 'entries[0].lens: only entries of a lens lexicon'],
    [{ ...valid, kind: 'lens', entries: [{ pattern: 'doom', weight: 1, lens: 'Technical' }] }, 'entries[0].weight: must be 0 in a lens lexicon'],
    [{ ...valid, kind: 'lens', entries: [{ pattern: 'doom', weight: 0, lens: 'Political' }] }, 'entries[0].lens: must be one of Technical'],
    [{ ...valid, entries: [{ pattern: 'doom', weight: 1 }, { pattern: 'gloom', weight: 1 }, { pattern: 'doom', weight: 2 }] }, 'entries[2].pattern: "doom" repeats entries[0]'],
  ])('rejects %j with "%s"', (data, message) => {
    const result = validateLexicon(data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain(message);
  });
});

describe('resolveLexicons', () => {
  it('keeps the order given, reports unknown ids', () => {
    const { lexicons, unknown } = resolveLexicons(['lens-technical', 'ai-risk', 'nope', 'my-lexicon', 'ai-risk'], [valid]);
    expect(lexicons.map((l) => `${l.id}@${l.version}`)).toEqual(['lens-technical@1.0.0', 'ai-risk@1.0.0', 'my-lexicon@1.0.0']);
    expect(unknown).toEqual(['nope']);
  });

  // Defect 5: the options page refused a custom lexicon with a built-in's id, the worker let it replace the
  // built-in. One rule now (CustomLexiconSchema): the UI's import verdict and the worker's use always agree.
  it.each([
    ['a new id', { ...valid, id: 'my-lexicon' }],
    ['a built-in’s id', { ...valid, id: 'ai-risk', version: '9.0.0' }],
    ['another built-in’s id', { ...valid, id: 'lens-economic', version: '9.0.0' }],
  ])('the options page and the worker agree on a custom lexicon with %s', (_name, custom) => {
    const plan = planLexiconImport(JSON.stringify(custom), defaultSettings(), validateCustomLexicon);
    const accepted = plan.kind !== 'invalid';
    const { lexicons } = resolveLexicons([custom.id], [custom]);
    const workerUsesIt = lexicons.some((l) => l.id === custom.id && l.version === custom.version);
    expect(workerUsesIt).toBe(accepted);
    expect(accepted).toBe(!isBuiltinLexiconId(custom.id));
  });
});

describe('lexiconSetHash', () => {
  const all = [...BUILTIN_LEXICONS];
  it('is stable, order-independent and content-based', () => {
    expect(lexiconSetHash(all)).toBe(lexiconSetHash([...all]));
    expect(lexiconSetHash([...all].reverse())).toBe(lexiconSetHash(all));
    expect(lexiconSetHash(all.slice(1))).not.toBe(lexiconSetHash(all));
    const edited = { ...valid, entries: [{ ...valid.entries[0]!, weight: -3 }] };
    expect(lexiconSetHash([valid])).not.toBe(lexiconSetHash([edited]));
    const bumped = { ...valid, version: '1.0.1' };
    expect(lexiconSetHash([valid])).not.toBe(lexiconSetHash([bumped]));
    expect(lexiconSetHash([valid])).toMatch(/^[0-9a-f]{16}$/);
  });
});
