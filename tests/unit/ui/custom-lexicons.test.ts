import { describe, expect, it } from 'vitest';
import { BUILTIN_LEXICONS } from '../../../src/lexicons/builtin-lexicons';
import { validateCustomLexicon } from '../../../src/lexicons/validate-lexicon';
import { defaultSettings, type Settings } from '../../../src/settings/settings';
import { addCustomLexicon, planLexiconImport, removeCustomLexicon } from '../../../src/ui/shared/custom-lexicons';
import { customLexicon } from './ui-test-deps';

const plan = (text: string, settings: Settings = defaultSettings()) =>
  planLexiconImport(text, settings, validateCustomLexicon);

describe('planLexiconImport', () => {
  it('adds a valid new lexicon', () => {
    const lexicon = customLexicon();
    expect(plan(JSON.stringify(lexicon))).toEqual({ kind: 'add', lexicon: expect.objectContaining({ id: lexicon.id }) });
  });

  it.each([
    ['not JSON', '{ nope', /Not valid JSON/],
    ['an array', '[]', /./],
    ['missing entries', JSON.stringify({ ...customLexicon(), entries: undefined }), /entries/],
    ['a bad weight', JSON.stringify(customLexicon({ entries: [{ pattern: 'x', weight: 'heavy' as unknown as number }] })), /entries\[0\]/],
    ['a bad kind', JSON.stringify({ ...customLexicon(), kind: 'vibes' }), /kind/],
  ])('rejects %s with errors naming the problem', (_name, text, pattern) => {
    const result = plan(text);
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.join('\n')).toMatch(pattern);
  });

  it.each(BUILTIN_LEXICONS.map((l) => l.id))('rejects a lexicon with the built-in id %s', (id) => {
    const result = plan(JSON.stringify(customLexicon({ id })));
    expect(result).toEqual({ kind: 'invalid', errors: [expect.stringContaining('built-in')] });
  });

  it('asks to replace a custom lexicon with the same id', () => {
    const existing = customLexicon();
    const settings = addCustomLexicon(defaultSettings(), existing);
    const result = plan(JSON.stringify(customLexicon({ version: '2.0.0' })), settings);
    expect(result).toMatchObject({ kind: 'replace', existing: { version: '1.0.0' }, lexicon: { version: '2.0.0' } });
  });
});

describe('addCustomLexicon / removeCustomLexicon', () => {
  it('adds and enables, and replacing keeps one copy', () => {
    const once = addCustomLexicon(defaultSettings(), customLexicon());
    const twice = addCustomLexicon(once, customLexicon({ version: '2.0.0' }));
    expect(twice.customLexicons).toHaveLength(1);
    expect(twice.customLexicons[0]?.version).toBe('2.0.0');
    expect(twice.enabledLexicons.filter((id) => id === 'my-climate')).toHaveLength(1);
  });

  it('removing the only enabled spectrum lexicon turns the built-in ones back on', () => {
    const custom = customLexicon();
    const settings: Settings = { ...defaultSettings(), customLexicons: [custom], enabledLexicons: [custom.id, 'lens-technical'] };
    const next = removeCustomLexicon(settings, custom.id, BUILTIN_LEXICONS);
    expect(next.customLexicons).toEqual([]);
    expect(next.enabledLexicons).toEqual(expect.arrayContaining(['lens-technical', 'ai-risk', 'ai-opportunity']));
    expect(next.enabledLexicons).not.toContain(custom.id);
  });
});
