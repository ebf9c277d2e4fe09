import { describe, expect, it, vi } from 'vitest';
import { createPageSettings, type PageSettingsStorage } from '../../../src/settings/page-settings';
import { defaultSettings, normalizeSettings } from '../../../src/settings/settings-schema';
import { SETTINGS_VERSION } from '../../../src/settings/stored-settings';

function fakeStorage(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = { ...initial };
  const listeners = new Set<(changes: Record<string, unknown>, area: string) => void>();
  const storage: PageSettingsStorage = {
    local: {
      get: async (keys) => Object.fromEntries((keys ?? Object.keys(data)).filter((k) => k in data).map((k) => [k, structuredClone(data[k])])),
      set: async (items) => {
        for (const [k, value] of Object.entries(items)) data[k] = structuredClone(value);
        const changes = Object.fromEntries(Object.entries(items).map(([k, value]) => [k, { newValue: structuredClone(value) }]));
        for (const l of listeners) l(changes, 'local');
      },
    },
    onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  };
  return { storage, data, listeners };
}

describe('page settings (the content script reads the one settings store with a narrow schema)', () => {
  it('reads the defaults when nothing is stored, and the same display fields as the full schema', async () => {
    const empty = createPageSettings(fakeStorage().storage);
    const defaults = defaultSettings();
    expect(await empty.read()).toMatchObject({ palette: defaults.palette, collapsed: defaults.collapsed, transcriptOpen: false, progressBarStrip: true, preferredLanguage: null });
    const raw = { palette: 'colorblind', collapsed: 'yes', transcriptOpen: true, preferredLanguage: 'de', progressBarStrip: false, enabledLexicons: ['a'] };
    const page = await createPageSettings(fakeStorage({ settings: raw }).storage).read();
    const full = normalizeSettings(raw);
    expect(page).toMatchObject({ palette: full.palette, collapsed: full.collapsed, transcriptOpen: full.transcriptOpen, preferredLanguage: full.preferredLanguage, progressBarStrip: full.progressBarStrip });
  });

  it('reads a field key over the legacy whole object', async () => {
    const fake = fakeStorage({ settings: { palette: 'default', collapsed: true }, 'settings.palette': 'colorblind' });
    expect(await createPageSettings(fake.storage).read()).toMatchObject({ palette: 'colorblind', collapsed: true });
  });

  it('writes only its own field, under its own key, and leaves everything else as stored', async () => {
    const custom = [{ id: 'mine', whatever: 1 }];
    const legacy = { customLexicons: custom, library: { recording: false }, collapsed: false };
    const fake = fakeStorage({ settings: legacy, 'settings.palette': 'colorblind', settings$: { v: SETTINGS_VERSION } });
    await createPageSettings(fake.storage).update({ transcriptOpen: true });
    expect(fake.data).toEqual({ settings: legacy, 'settings.palette': 'colorblind', settings$: { v: SETTINGS_VERSION }, 'settings.transcriptOpen': true });
  });

  it('a fresh install: nothing to migrate, the first write sets its own field and the current version', async () => {
    const fake = fakeStorage();
    await createPageSettings(fake.storage).update({ collapsed: true });
    expect(fake.data).toEqual({ 'settings.collapsed': true, settings$: { v: SETTINGS_VERSION } });
  });

  it('migrates what it reads from an older version, as every other reader does', async () => {
    const fake = fakeStorage({ settings: { colour: 'cb' }, settings$: { v: 1 } });
    // A hypothetical version 2 that renamed `colour` to `palette`.
    const v2 = { version: 2, migrations: { 2: (old: unknown) => ({ palette: (old as { colour?: string }).colour === 'cb' ? 'colorblind' : 'default' }) } };
    const page = createPageSettings(fake.storage, v2);
    expect(await page.read()).toMatchObject({ palette: 'colorblind' });
    // The first write after the upgrade stores every field at the new version.
    await page.update({ collapsed: true });
    expect(fake.data).toMatchObject({ 'settings.palette': 'colorblind', 'settings.collapsed': true, settings$: { v: 2 } });
  });

  it('the first write after an upgrade migrates the fields the page does not know too, so the version it stores is true of every field', async () => {
    // Version 1: the v0.1 whole object plus a field key another context wrote; a hypothetical version 2 renames
    // the library's `recording` to `paused` (a field the page's narrow schema does not have).
    const fake = fakeStorage({ settings: { palette: 'colorblind', library: { recording: false } }, 'settings.customLexicons': [], settings$: { v: 1 } });
    const v2 = {
      version: 2,
      migrations: {
        2: (old: unknown) => {
          const { library, ...rest } = old as { library?: { recording?: boolean } };
          return library ? { ...rest, library: { paused: library.recording === false } } : rest;
        },
      },
    };
    await createPageSettings(fake.storage, v2).update({ collapsed: true });
    expect(fake.data.settings$).toEqual({ v: 2 });
    // A reader at version 2 migrates nothing now: what it reads must already be the version 2 shape.
    const merged = { ...(fake.data.settings as object), ...Object.fromEntries(Object.entries(fake.data).filter(([k]) => k.startsWith('settings.')).map(([k, value]) => [k.slice('settings.'.length), value])) };
    expect(merged).toMatchObject({ library: { paused: true }, palette: 'colorblind', collapsed: true, customLexicons: [] });
    expect((merged as { library: object }).library).not.toHaveProperty('recording');
  });

  it('watches changes to the settings keys only, and stops when unwatched', async () => {
    const fake = fakeStorage();
    const settings = createPageSettings(fake.storage);
    const seen = vi.fn();
    const unwatch = settings.watch(seen);
    await fake.storage.local.set({ other: 1 });
    await settings.update({ collapsed: true });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(1));
    expect(seen.mock.calls[0]![0]).toMatchObject({ collapsed: true });
    unwatch();
    expect(fake.listeners.size).toBe(0);
  });
});
