// @vitest-environment happy-dom
import { validateLexicon } from '../../../src/lexicons/validate-lexicon';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUILTIN_LEXICONS } from '../../../src/lexicons/builtin-lexicons';
import { defaultSettings, settingsItem, type Settings } from '../../../src/settings/settings';
import OptionsApp from '../../../src/ui/options/options-app';
import { browser } from 'wxt/browser';
import { createShowAnywayStore } from '../../../src/settings/show-anyway';
import { NO_MAP_MESSAGE } from '../../../src/ui/options/map-export';
import { mapToCsv } from '../../../src/scoring/map-csv';
import type { UiDeps } from '../../../src/ui/shared/ui-deps';
import { customLexicon, makeDeps, sampleMap, tabAnswering } from './ui-test-deps';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

/** Picks a file in the import input, as the browser would after the user chose one. */
async function chooseFile(name: string, text: string) {
  const input = (await screen.findByLabelText('Lexicon file (JSON)')) as HTMLInputElement;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

const stored = () => settingsItem.getValue();

describe('OptionsApp — lexicons', () => {
  it('lists every built-in lexicon with export, and no remove', async () => {
    render(<OptionsApp deps={makeDeps()} />);
    for (const lexicon of BUILTIN_LEXICONS) {
      const row = (await screen.findByText(lexicon.id)).closest('tr')!;
      expect(within(row).getByRole('button', { name: `Export ${lexicon.name} as JSON` })).toBeTruthy();
      expect(within(row).queryByRole('button', { name: `Remove ${lexicon.name}` })).toBeNull();
    }
  });

  it('imports a valid custom lexicon and enables it', async () => {
    render(<OptionsApp deps={makeDeps()} />);
    const lexicon = customLexicon();
    await chooseFile('climate.json', JSON.stringify(lexicon));
    await waitFor(async () => expect((await stored()).customLexicons.map((l) => l.id)).toEqual([lexicon.id]));
    expect((await stored()).enabledLexicons).toContain(lexicon.id);
    expect(await screen.findByText(lexicon.id)).toBeTruthy();
    expect(screen.getByTestId('import-status').textContent).toMatch(/Imported “Climate framing”/);
  });

  it.each([
    ['not JSON', '{"id": ', /Not valid JSON/],
    ['a bad entry', JSON.stringify(customLexicon({ entries: [{ pattern: '', weight: 1 }] })), /entries\[0\]/],
    ['a built-in id', JSON.stringify(customLexicon({ id: 'ai-risk' })), /built-in/],
  ])('shows errors for %s and changes nothing', async (_name, text, pattern) => {
    const before: Settings = await stored();
    render(<OptionsApp deps={makeDeps()} />);
    await chooseFile('bad.json', text);
    const alert = await screen.findByTestId('import-errors');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toMatch(/“bad\.json” was not imported/);
    expect(alert.textContent).toMatch(pattern);
    expect(await stored()).toEqual(before);
  });

  it('replaces a custom lexicon with the same id only after confirmation', async () => {
    await settingsItem.setValue({ ...defaultSettings(), customLexicons: [customLexicon()] });
    render(<OptionsApp deps={makeDeps()} />);
    await chooseFile('v2.json', JSON.stringify(customLexicon({ version: '2.0.0', name: 'Climate v2' })));
    const dialog = await screen.findByTestId('import-confirm');
    expect(dialog.textContent).toMatch(/already exists/);
    expect((await stored()).customLexicons[0]?.version).toBe('1.0.0');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replace' }));
    await waitFor(async () => expect((await stored()).customLexicons.map((l) => l.version)).toEqual(['2.0.0']));
  });

  it('cancelling a replacement changes nothing', async () => {
    await settingsItem.setValue({ ...defaultSettings(), customLexicons: [customLexicon()] });
    const before = await stored();
    render(<OptionsApp deps={makeDeps()} />);
    await chooseFile('v2.json', JSON.stringify(customLexicon({ version: '2.0.0' })));
    fireEvent.click(within(await screen.findByTestId('import-confirm')).getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Import cancelled; nothing changed.')).toBeTruthy();
    expect(await stored()).toEqual(before);
  });

  it('removes a custom lexicon', async () => {
    const lexicon = customLexicon();
    await settingsItem.setValue({ ...defaultSettings(), customLexicons: [lexicon], enabledLexicons: ['ai-risk', lexicon.id] });
    render(<OptionsApp deps={makeDeps()} />);
    fireEvent.click(await screen.findByRole('button', { name: `Remove ${lexicon.name}` }));
    await waitFor(async () => expect((await stored()).customLexicons).toEqual([]));
    expect((await stored()).enabledLexicons).toEqual(['ai-risk']);
  });

  it('exports a lexicon as JSON that imports again', async () => {
    const deps = makeDeps();
    render(<OptionsApp deps={deps} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export AI risk as JSON' }));
    expect(deps.download).toHaveBeenCalledOnce();
    const [filename, text, mime] = vi.mocked(deps.download).mock.calls[0]!;
    expect(filename).toBe('ai-risk.lexicon.json');
    expect(mime).toBe('application/json');
    // A valid lexicon file; importing it as a custom one needs its own id (the built-in keeps "ai-risk").
    expect(validateLexicon(JSON.parse(text)).ok).toBe(true);
    expect(deps.validateCustomLexicon({ ...JSON.parse(text), id: 'my-ai-risk' }).ok).toBe(true);
  });
});

describe('OptionsApp — display', () => {
  it.each([
    ['palette', () => fireEvent.click(screen.getByRole('radio', { name: /Colour-blind-safe/ })), { palette: 'colorblind' }],
    ['progress-bar strip', () => fireEvent.click(screen.getByRole('switch', { name: /progress bar/ })), { progressBarStrip: false }],
    [
      'caption language',
      () => fireEvent.change(screen.getByLabelText('Preferred caption language'), { target: { value: 'de' } }),
      { preferredLanguage: 'de' },
    ],
  ] as const)('writes the %s', async (_name, act, expected) => {
    render(<OptionsApp deps={makeDeps()} />);
    await screen.findByRole('heading', { name: 'Display' });
    act();
    await waitFor(async () => expect(await stored()).toMatchObject(expected));
  });

  it('offers "Browser default" for the caption language and selects it when none is set', async () => {
    render(<OptionsApp deps={makeDeps()} />);
    const select = (await screen.findByLabelText('Preferred caption language')) as HTMLSelectElement;
    expect(select.value).toBe('');
    expect(select.options[0]?.textContent).toBe('Browser default');
    expect(select.options.length).toBeGreaterThan(10);
  });
});

describe('OptionsApp — export of the current map', () => {
  it('says so when no YouTube tab has a map', async () => {
    render(<OptionsApp deps={makeDeps()} />);
    expect((await screen.findByTestId('export-none')).textContent).toContain(NO_MAP_MESSAGE);
  });

  it('downloads the map as JSON and CSV', async () => {
    const map = sampleMap();
    const deps: UiDeps = makeDeps({ sendToTab: tabAnswering({ videoId: map.videoId, state: 'ready', map, track: null }) });
    render(<OptionsApp deps={deps} />);
    await screen.findByTestId('export-ready');
    fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(deps.download).toHaveBeenNthCalledWith(1, 'perspective-map-4WNWeUQ7Hfc.json', expect.any(String), 'application/json');
    expect(deps.download).toHaveBeenNthCalledWith(2, 'perspective-map-4WNWeUQ7Hfc.csv', mapToCsv(map), 'text/csv');
  });
});

describe('OptionsApp — "show anyway" choices (DESIGN §9.1)', () => {
  it('counts the remembered videos, follows choices made elsewhere, and forgets them all', async () => {
    const store = createShowAnywayStore(browser.storage.local);
    await store.remember('WarHistory1');
    await store.remember('GermanOnly1');
    render(<OptionsApp deps={makeDeps()} />);
    const button = (await screen.findByTestId('forget-show-anyway')) as HTMLButtonElement;
    await waitFor(() => expect(button.textContent).toBe('Forget “show anyway” choices (2)'));
    await store.remember('NoCaptions1'); // a watch page in another tab
    await waitFor(() => expect(button.textContent).toBe('Forget “show anyway” choices (3)'));
    fireEvent.click(button);
    await waitFor(() => expect(button.textContent).toBe('Forget “show anyway” choices (0)'));
    expect(button.disabled).toBe(true);
    expect(await store.count()).toBe(0);
    expect(screen.getByText('Forgot 3 choices.')).toBeTruthy();
    // Settings are untouched.
    expect(await stored()).toEqual(defaultSettings());
  });
});

describe('OptionsApp — library retention limits', () => {
  it('each limit is off by default, switches on at its default, takes a whole number in range and ignores the rest', async () => {
    const { container } = render(<OptionsApp deps={makeDeps()} />);
    const field = async (setting: string) => {
      await waitFor(() => expect(container.querySelector(`[data-setting="${setting}"]`)).toBeTruthy());
      return container.querySelector<HTMLInputElement>(`[data-setting="${setting}"]`)!;
    };
    for (const [setting, key, fallback, max] of [
      ['library-keep-episodes', 'keepEpisodes', 1000, 1_000_000],
      ['library-keep-days', 'keepDays', 365, 36_500],
    ] as const) {
      expect((await stored()).library[key]).toBeNull();
      expect((await field(setting)).disabled).toBe(true);
      fireEvent.click(await field(`${setting}-on`));
      await waitFor(async () => expect((await stored()).library[key]).toBe(fallback));
      fireEvent.change(await field(setting), { target: { value: '42' } });
      await waitFor(async () => expect((await stored()).library[key]).toBe(42));
      for (const bad of ['0', String(max + 1), 'many']) {
        fireEvent.change(await field(setting), { target: { value: bad } });
        await new Promise((r) => setTimeout(r, 20));
        expect((await stored()).library[key]).toBe(42);
      }
      fireEvent.click(await field(`${setting}-on`));
      await waitFor(async () => expect((await stored()).library[key]).toBeNull());
    }
  });
});
