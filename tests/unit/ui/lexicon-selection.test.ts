import { describe, expect, it } from 'vitest';
import { BUILTIN_LEXICONS, DEFAULT_ENABLED_LEXICON_IDS } from '../../../src/lexicons/builtin-lexicons';
import { defaultSettings, type Settings } from '../../../src/settings/settings';
import lexiconCatalog from '../../../src/ui/shared/lexicon-catalog';
import setLexiconEnabled, {
  LAST_SPECTRUM_REASON,
  enabledSpectrumIds,
  ensureSpectrumEnabled,
  isLastSpectrum,
} from '../../../src/ui/shared/lexicon-selection';
import { customLexicon } from './ui-test-deps';

const catalog = lexiconCatalog(BUILTIN_LEXICONS, []);
const withEnabled = (enabledLexicons: string[]): Settings => ({ ...defaultSettings(), enabledLexicons });

describe('setLexiconEnabled', () => {
  it.each([
    ['turns a spectrum lexicon off', withEnabled(['ai-risk', 'ai-opportunity']), 'ai-risk', false, ['ai-opportunity']],
    ['turns a lens lexicon off', withEnabled(['ai-risk', 'lens-technical']), 'lens-technical', false, ['ai-risk']],
    ['turns a lexicon on', withEnabled(['ai-risk']), 'lens-economic', true, ['ai-risk', 'lens-economic']],
    ['turning on twice keeps one copy', withEnabled(['ai-risk']), 'ai-risk', true, ['ai-risk']],
    ['the last lens may go off', withEnabled(['ai-risk', 'lens-societal']), 'lens-societal', false, ['ai-risk']],
  ])('%s', (_name, settings, id, enabled, expected) => {
    const result = setLexiconEnabled(settings, catalog, id, enabled);
    expect(result).toEqual({ ok: true, settings: { ...settings, enabledLexicons: expected } });
  });

  it('refuses to turn off the last enabled spectrum lexicon', () => {
    const settings = withEnabled(['governance-safety', 'lens-technical']);
    expect(setLexiconEnabled(settings, catalog, 'governance-safety', false)).toEqual({ ok: false, reason: LAST_SPECTRUM_REASON });
  });

  it('does not count stale ids of lexicons that no longer exist', () => {
    const settings = withEnabled(['ai-risk', 'deleted-custom']);
    expect(isLastSpectrum(settings, catalog, 'ai-risk')).toBe(true);
    expect(enabledSpectrumIds(settings, catalog)).toEqual(['ai-risk']);
  });

  it('refuses unknown ids', () => {
    expect(setLexiconEnabled(withEnabled(['ai-risk']), catalog, 'nope', true).ok).toBe(false);
  });

  it('counts an enabled custom spectrum lexicon', () => {
    const custom = customLexicon();
    const cat = lexiconCatalog(BUILTIN_LEXICONS, [custom]);
    const settings = { ...withEnabled(['ai-risk', custom.id]), customLexicons: [custom] };
    expect(setLexiconEnabled(settings, cat, 'ai-risk', false).ok).toBe(true);
  });
});

describe('ensureSpectrumEnabled', () => {
  it('re-enables the default spectrum lexicons when none is on', () => {
    const next = ensureSpectrumEnabled(withEnabled(['lens-technical']), catalog);
    const defaultSpectrum = DEFAULT_ENABLED_LEXICON_IDS.filter((id) => BUILTIN_LEXICONS.find((l) => l.id === id)?.kind === 'spectrum');
    expect(defaultSpectrum.length).toBeGreaterThan(0);
    expect(new Set(next.enabledLexicons)).toEqual(new Set(['lens-technical', ...defaultSpectrum]));
  });

  it('leaves settings with a spectrum lexicon alone', () => {
    const settings = withEnabled(['societal-harm']);
    expect(ensureSpectrumEnabled(settings, catalog)).toBe(settings);
  });
});

describe('lexiconCatalog', () => {
  it('lists built-ins first and ignores a custom lexicon that shadows a built-in id', () => {
    const shadow = customLexicon({ id: 'ai-risk', name: 'Impostor' });
    const mine = customLexicon();
    const cat = lexiconCatalog(BUILTIN_LEXICONS, [shadow, mine]);
    expect(cat.map((e) => e.lexicon.id)).toEqual([...BUILTIN_LEXICONS.map((l) => l.id), mine.id]);
    expect(cat.find((e) => e.lexicon.id === 'ai-risk')?.lexicon.name).not.toBe('Impostor');
  });
});
