import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  defaultSettings,
  defineSettingsItem,
  normalizeSettings,
  readSettings,
  SETTINGS_MIGRATIONS,
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

  it('runs each migration step up from the stored version (the hook a shape change ships with)', async () => {
    const V = SETTINGS_VERSION;
    await fakeBrowser.storage.local.set({ settings: { enabledLexicons: ['ai-risk'], theme: 'dark' }, settings$: { v: V } });
    // A hypothetical next version that renamed `theme` to `palette`.
    const next = defineSettingsItem(V + 1, {
      ...SETTINGS_MIGRATIONS,
      [V + 1]: (previous) => {
        const { theme, ...rest } = previous as { theme?: string };
        return { ...rest, palette: theme === 'dark' ? 'colorblind' : 'default' };
      },
    });
    expect(await readSettings(next)).toEqual({ ...defaultSettings(), enabledLexicons: ['ai-risk'], palette: 'colorblind' });
    // Readers migrate in memory; the first write after the upgrade stores every field at the new version.
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: V } });
    await writeSettings({ ...(await readSettings(next)), collapsed: true }, next);
    expect(await fakeBrowser.storage.local.get(['settings$', 'settings.palette', 'settings.collapsed'])).toEqual({ settings$: { v: V + 1 }, 'settings.palette': 'colorblind', 'settings.collapsed': true });
    expect(await readSettings(next)).toEqual({ ...defaultSettings(), enabledLexicons: ['ai-risk'], palette: 'colorblind', collapsed: true });
  });
});

/** The enabled set every v0.1 user started with: the eight built-ins before `ai-stance`. */
const V01_DEFAULT = ['ai-risk', 'ai-opportunity', 'societal-harm', 'governance-safety', 'lens-technical', 'lens-governance', 'lens-societal', 'lens-economic'];

describe('settings migration 2: the learned ai-stance lexicon joins a set that had every built-in on', () => {
  beforeEach(() => fakeBrowser.reset());

  /** What a fresh item at the current version reads, given what a v0.1 build stored (at version 1). */
  async function afterUpdate(stored: Record<string, unknown>): Promise<Settings> {
    await fakeBrowser.storage.local.set({ settings: stored, settings$: { v: 1 } });
    return readSettings(defineSettingsItem());
  }

  it('is at version 2', () => {
    expect(SETTINGS_VERSION).toBe(2);
  });

  it.each<[string, string[], string[]]>([
    ['the v0.1 default', V01_DEFAULT, [...V01_DEFAULT, 'ai-stance']],
    ['the v0.1 default in another order (toggled off and on again)', [...V01_DEFAULT].reverse(), [...V01_DEFAULT].reverse().concat('ai-stance')],
    ['every built-in plus a custom lexicon', [...V01_DEFAULT, 'my-lexicon'], [...V01_DEFAULT, 'my-lexicon', 'ai-stance']],
    ['a built-in switched off (a deliberate choice, kept)', V01_DEFAULT.filter((id) => id !== 'lens-economic'), V01_DEFAULT.filter((id) => id !== 'lens-economic')],
    ['only a custom lexicon', ['my-lexicon'], ['my-lexicon']],
    ['nothing enabled', [], []],
    ['ai-stance already there', ['ai-stance', ...V01_DEFAULT], ['ai-stance', ...V01_DEFAULT]],
  ])('%s', async (_name, enabled, expected) => {
    const settings = await afterUpdate({ enabledLexicons: enabled, palette: 'colorblind', customLexicons: [custom] });
    expect(settings.enabledLexicons).toEqual(expected);
    expect(settings.palette).toBe('colorblind');
    // Migrated in memory by every reader; the first write records version 2 with every field.
    await writeSettings(settings, defineSettingsItem());
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: 2 } });
    expect((await readSettings(defineSettingsItem())).enabledLexicons).toEqual(expected);
  });

  it('runs once: ai-stance switched off after the update stays off', async () => {
    await afterUpdate({ enabledLexicons: V01_DEFAULT });
    const item = defineSettingsItem();
    await writeSettings({ ...(await readSettings(item)), enabledLexicons: V01_DEFAULT }, item);
    expect((await readSettings(defineSettingsItem())).enabledLexicons).toEqual(V01_DEFAULT);
  });

  it('leaves a value it cannot read to the schema (defaults, which include ai-stance)', async () => {
    expect((await afterUpdate({ enabledLexicons: 'ai-risk' } as Record<string, unknown>)).enabledLexicons).toContain('ai-stance');
    await fakeBrowser.storage.local.set({ settings: 'junk', settings$: { v: 1 } });
    expect(await readSettings(defineSettingsItem())).toEqual(defaultSettings());
  });
});
