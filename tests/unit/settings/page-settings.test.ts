import { describe, expect, it, vi } from 'vitest';
import { createPageSettings, type PageSettingsStorage } from '../../../src/settings/page-settings';
import { defaultSettings, normalizeSettings } from '../../../src/settings/settings-schema';

function fakeStorage(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = { ...initial };
  const listeners = new Set<(changes: Record<string, { newValue?: unknown }>, area: string) => void>();
  const storage: PageSettingsStorage = {
    local: {
      get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
      set: async (items) => {
        for (const [k, value] of Object.entries(items)) {
          data[k] = structuredClone(value);
          for (const l of listeners) l({ [k]: { newValue: structuredClone(value) } }, 'local');
        }
      },
    },
    onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  };
  return { storage, data, listeners };
}

describe('page settings (the content script reads the WXT settings item without wxt/utils/storage)', () => {
  it('reads the defaults when nothing is stored, and the same display fields as the full schema', async () => {
    const empty = createPageSettings(fakeStorage().storage);
    const defaults = defaultSettings();
    expect(await empty.read()).toMatchObject({ palette: defaults.palette, collapsed: defaults.collapsed, transcriptOpen: false, progressBarStrip: true, preferredLanguage: null });
    const raw = { palette: 'colorblind', collapsed: 'yes', transcriptOpen: true, preferredLanguage: 'de', progressBarStrip: false, enabledLexicons: ['a'] };
    const page = await createPageSettings(fakeStorage({ settings: raw }).storage).read();
    const full = normalizeSettings(raw);
    expect(page).toMatchObject({ palette: full.palette, collapsed: full.collapsed, transcriptOpen: full.transcriptOpen, preferredLanguage: full.preferredLanguage, progressBarStrip: full.progressBarStrip });
  });

  it('writes only its own field and keeps everything else as stored', async () => {
    const custom = [{ id: 'mine', whatever: 1 }];
    const fake = fakeStorage({ settings: { customLexicons: custom, library: { recording: false }, collapsed: false } });
    await createPageSettings(fake.storage).update({ transcriptOpen: true });
    expect(fake.data.settings).toEqual({ customLexicons: custom, library: { recording: false }, collapsed: false, transcriptOpen: true });
  });

  it('watches local changes to the settings key only, and stops when unwatched', async () => {
    const fake = fakeStorage();
    const settings = createPageSettings(fake.storage);
    const seen = vi.fn();
    const unwatch = settings.watch(seen);
    await fake.storage.local.set({ other: 1 });
    await settings.update({ collapsed: true });
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen.mock.calls[0]![0]).toMatchObject({ collapsed: true });
    unwatch();
    expect(fake.listeners.size).toBe(0);
  });
});
