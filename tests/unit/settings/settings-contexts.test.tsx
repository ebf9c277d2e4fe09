// @vitest-environment happy-dom
/**
 * Defect 4 (issue 10): the settings are edited from several contexts at once — the watch page (panel collapsed,
 * drawer open), the popup and the options page. Each used to read the whole stored object, change its field and
 * write the whole object back, so two edits made at the same time lost one of them.
 */
import { renderHook } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPageSettings } from '../../../src/settings/page-settings';
import { readSettings, settingsStore } from '../../../src/settings/settings';
import { SettingsFieldsSchema } from '../../../src/settings/settings-schema';
import { createEditableSettings, type SettingsLocks, type SettingsStorage } from '../../../src/settings/stored-settings';
import useSettings from '../../../src/ui/shared/use-settings';

/** One UI page (popup or options): its own useSettings over the shared storage. */
function uiPage() {
  return renderHook(() => useSettings(settingsStore)).result.current;
}

describe('settings edited from two contexts at once', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => fakeBrowser.reset());

  it('the watch page collapsing the panel and the options page choosing a palette: both survive', async () => {
    const page = createPageSettings(browser.storage);
    const options = uiPage();
    await Promise.all([page.update({ collapsed: true }), options.update((s) => ({ ...s, palette: 'colorblind' }))]);
    expect(await readSettings()).toMatchObject({ collapsed: true, palette: 'colorblind' });
  });

  it('the popup turning a lexicon off and the options page pausing the library: both survive', async () => {
    const [popup, options] = [uiPage(), uiPage()];
    await Promise.all([
      popup.update((s) => ({ ...s, enabledLexicons: s.enabledLexicons.filter((id) => id !== 'lens-economic') })),
      options.update((s) => ({ ...s, library: { ...s.library, recording: false } })),
    ]);
    const stored = await readSettings();
    expect(stored.enabledLexicons).not.toContain('lens-economic');
    expect(stored.library.recording).toBe(false);
  });

  it('two pages of the watch page (two tabs) opening the drawer and collapsing the panel: both survive', async () => {
    const [tabA, tabB] = [createPageSettings(browser.storage), createPageSettings(browser.storage)];
    await Promise.all([tabA.update({ transcriptOpen: true }), tabB.update({ collapsed: true })]);
    expect(await readSettings()).toMatchObject({ transcriptOpen: true, collapsed: true });
  });

  it('two pages changing the same list at once (each adds a custom lexicon) keep both, under the settings lock', async () => {
    // navigator.locks, as the extension's pages share it: one holder at a time per name.
    let queue = Promise.resolve();
    const locks: SettingsLocks = {
      request: (_name, work) => {
        const run = queue.then(work);
        queue = run.then(() => undefined, () => undefined);
        return run;
      },
    };
    const storage = browser.storage as unknown as SettingsStorage;
    const [popup, options] = [createEditableSettings(storage, SettingsFieldsSchema, { locks }), createEditableSettings(storage, SettingsFieldsSchema, { locks })];
    const lexicon = (id: string) => ({ id, name: id, version: '1', description: 'test', kind: 'spectrum' as const, entries: [{ pattern: 'doom*', weight: -2 }] });
    await Promise.all([
      popup.edit((s) => ({ ...s, customLexicons: [...s.customLexicons, lexicon('mine-a')] })),
      options.edit((s) => ({ ...s, customLexicons: [...s.customLexicons, lexicon('mine-b')] })),
    ]);
    expect((await readSettings()).customLexicons.map((l) => l.id).sort()).toEqual(['mine-a', 'mine-b']);
  });
});
