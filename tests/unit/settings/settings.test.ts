import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  defaultSettings,
  defineSettingsItem,
  normalizeSettings,
  readSettings,
  SETTINGS_VERSION,
  watchSettings,
  writeSettings,
  type Settings,
} from '../../../src/settings/settings';

const custom = {
  id: 'my-lexicon',
  name: 'Mine',
  version: '1',
  description: 'test',
  kind: 'spectrum',
  entries: [{ pattern: 'doom*', weight: -2 }],
};

describe('normalizeSettings', () => {
  it.each<[string, unknown, Partial<Settings>]>([
    ['undefined', undefined, {}],
    ['null', null, {}],
    ['a string', 'settings', {}],
    ['an array', [1], {}],
    ['an empty object', {}, {}],
    ['a partial object', { palette: 'colorblind' }, { palette: 'colorblind' }],
    ['wrong-typed fields', { enabledLexicons: 'ai-risk', collapsed: 'yes', palette: 'neon', progressBarStrip: 1 }, {}],
    ['ids of the wrong type mixed in', { enabledLexicons: ['ai-risk', 3, '', null, 'ai-risk'] }, { enabledLexicons: ['ai-risk'] }],
    ['an empty language', { preferredLanguage: '' }, {}],
    ['a language', { preferredLanguage: 'de' }, { preferredLanguage: 'de' }],
    ['no lexicons enabled (a valid choice)', { enabledLexicons: [] }, { enabledLexicons: [] }],
    ['a custom lexicon', { customLexicons: [custom] }, { customLexicons: [custom as Settings['customLexicons'][number]] }],
    ['broken custom lexicons', { customLexicons: [{ id: 'x' }, { ...custom, entries: [{ pattern: 'a', weight: 'heavy' }] }, custom] }, { customLexicons: [custom as Settings['customLexicons'][number]] }],
    ['custom lexicons not in a list', { customLexicons: custom }, {}],
    ['a second custom lexicon with the same id', { customLexicons: [custom, { ...custom, name: 'Copy' }] }, { customLexicons: [custom as Settings['customLexicons'][number]] }],
    [
      'one bad field among good ones (only it falls back)',
      { palette: 42, collapsed: true, preferredLanguage: 'fr', customLexicons: [custom], enabledLexicons: ['my-lexicon'] },
      { collapsed: true, preferredLanguage: 'fr', customLexicons: [custom as Settings['customLexicons'][number]], enabledLexicons: ['my-lexicon'] },
    ],
    ['a language that is not a language code', { preferredLanguage: 'en US; drop' }, {}],
  ])('%s → defaults merged with what is valid', (_name, raw, expected) => {
    expect(normalizeSettings(raw)).toEqual({ ...defaultSettings(), ...expected });
  });
});

describe('settings storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the defaults when nothing is stored', async () => {
    expect(await readSettings()).toEqual(defaultSettings());
  });

  it('reads what was written', async () => {
    const next = { ...defaultSettings(), enabledLexicons: ['ai-risk'], collapsed: true };
    await writeSettings(next);
    expect(await readSettings()).toEqual(next);
  });

  it('never rejects: a corrupt stored value reads as defaults merged with its valid fields', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabledLexicons: 7, palette: 'colorblind' } });
    expect(await readSettings()).toEqual({ ...defaultSettings(), palette: 'colorblind' });
  });

  it('answers defaults when storage itself fails', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const gone = () => Promise.reject(new Error('storage gone'));
    const broken = defineSettingsItem(SETTINGS_VERSION, {}, { local: { get: gone, set: gone }, onChanged: { addListener: () => {}, removeListener: () => {} } });
    expect(await readSettings(broken)).toEqual(defaultSettings());
  });

  it('watches changes made anywhere, validated', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await fakeBrowser.storage.local.set({ settings: { enabledLexicons: ['lens-economic'], palette: 'bogus' } });
    unwatch();
    await writeSettings(defaultSettings());
    expect(seen).toEqual([{ ...defaultSettings(), enabledLexicons: ['lens-economic'] }]);
  });

  it('is at version 1 with a migration hook that runs each step up from the stored version', async () => {
    expect(SETTINGS_VERSION).toBe(1);
    await fakeBrowser.storage.local.set({ settings: { enabledLexicons: ['ai-risk'], theme: 'dark' }, settings$: { v: 1 } });
    // A hypothetical version 2 that renamed `theme` to `palette`: the hook is how such a change ships.
    const v2 = defineSettingsItem(2, {
      2: (previous) => {
        const { theme, ...rest } = previous as { theme?: string };
        return { ...rest, palette: theme === 'dark' ? 'colorblind' : 'default' };
      },
    });
    expect(await readSettings(v2)).toEqual({ ...defaultSettings(), enabledLexicons: ['ai-risk'], palette: 'colorblind' });
    // Readers migrate in memory; the first write after the upgrade stores every field at the new version.
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: 1 } });
    await writeSettings({ ...(await readSettings(v2)), collapsed: true }, v2);
    expect(await fakeBrowser.storage.local.get(['settings$', 'settings.palette', 'settings.collapsed'])).toEqual({ settings$: { v: 2 }, 'settings.palette': 'colorblind', 'settings.collapsed': true });
    expect(await readSettings(v2)).toEqual({ ...defaultSettings(), enabledLexicons: ['ai-risk'], palette: 'colorblind', collapsed: true });
  });
});
