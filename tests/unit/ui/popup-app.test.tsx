// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, settingsItem } from '../../../src/settings/settings';
import PopupApp from '../../../src/ui/popup/popup-app';
import { BUILTIN_LEXICONS } from '../../../src/lexicons/builtin-lexicons';
import { LAST_SPECTRUM_REASON } from '../../../src/ui/shared/lexicon-selection';
import { NO_VIDEO_MESSAGE } from '../../../src/ui/shared/tab-summary';
import { customLexicon, makeDeps, sampleMap, tabAnswering } from './ui-test-deps';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

const switchFor = (name: string) => screen.findByRole('switch', { name }) as Promise<HTMLInputElement>;

describe('PopupApp', () => {
  it('says to open a video when no content script answers', async () => {
    render(<PopupApp deps={makeDeps()} />);
    expect(await screen.findByText(NO_VIDEO_MESSAGE)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Re-score this video' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the headline when the tab answers with a map', async () => {
    const map = sampleMap();
    const deps = makeDeps({
      sendToTab: tabAnswering({ videoId: map.videoId, state: 'ready', map, track: { languageCode: 'en', kind: 'asr', vssId: 'a.en', name: 'English' } }),
    });
    render(<PopupApp deps={deps} />);
    expect(await screen.findByText(map.headline.sentence)).toBeTruthy();
    expect(screen.getByTestId('headline-line').textContent).toBe('Mixed leaning · stance 0 · Technical lens · Confidence: medium');
    expect(screen.getByText('Captions: English (auto-generated)')).toBeTruthy();
    expect(screen.queryByText(NO_VIDEO_MESSAGE)).toBeNull();
  });

  it('shows the state of a video that is still being mapped', async () => {
    const deps = makeDeps({ sendToTab: tabAnswering({ videoId: '4WNWeUQ7Hfc', state: 'no-captions', map: null, track: null }) });
    render(<PopupApp deps={deps} />);
    expect(await screen.findByText('This video has no captions to map.')).toBeTruthy();
  });

  it('groups the lexicons and describes them in tooltips', async () => {
    render(<PopupApp deps={makeDeps()} />);
    const risk = await switchFor('AI risk');
    expect(risk.closest('fieldset')?.querySelector('legend')?.textContent).toBe('Spectrum');
    expect((await switchFor('Technical lens')).closest('fieldset')?.querySelector('legend')?.textContent).toBe('Lens');
    expect(risk.closest('li')?.getAttribute('title')).toMatch(/Risk-forward framing/);
  });

  it('writes settings at once when a lexicon is toggled', async () => {
    render(<PopupApp deps={makeDeps()} />);
    fireEvent.click(await switchFor('Economic lens'));
    await waitFor(async () => expect((await settingsItem.getValue()).enabledLexicons).not.toContain('lens-economic'));
    fireEvent.click(await switchFor('Economic lens'));
    await waitFor(async () => expect((await settingsItem.getValue()).enabledLexicons).toContain('lens-economic'));
  });

  it('keeps the last spectrum lexicon on and says why', async () => {
    await settingsItem.setValue({ ...defaultSettings(), enabledLexicons: ['ai-opportunity', 'lens-technical'] });
    render(<PopupApp deps={makeDeps()} />);
    const last = await switchFor('AI opportunity');
    expect(last.checked).toBe(true);
    expect(last.disabled).toBe(true);
    expect(screen.getByText(LAST_SPECTRUM_REASON)).toBeTruthy();
    expect(last.getAttribute('aria-describedby')?.split(' ')).toContain(screen.getByText(LAST_SPECTRUM_REASON).id);
    fireEvent.click(last);
    await new Promise((r) => setTimeout(r, 20));
    expect((await settingsItem.getValue()).enabledLexicons).toContain('ai-opportunity');
    // Turning a second one on unlocks the first.
    fireEvent.click(await switchFor('AI risk'));
    await waitFor(() => expect(last.disabled).toBe(false));
  });

  it('lists custom lexicons next to the built-in ones', async () => {
    const custom = customLexicon({ kind: 'lens', name: 'Climate lens', entries: [{ pattern: 'carbon', weight: 0, lens: 'Economic' }] });
    await settingsItem.setValue({ ...defaultSettings(), customLexicons: [custom], enabledLexicons: ['ai-risk'] });
    render(<PopupApp deps={makeDeps()} />);
    const toggle = await switchFor('Climate lens custom');
    expect(toggle.checked).toBe(false);
    expect(toggle.closest('fieldset')?.querySelector('legend')?.textContent).toBe('Lens');
  });

  it('follows settings changed elsewhere', async () => {
    render(<PopupApp deps={makeDeps()} />);
    const toggle = await switchFor('Societal harm');
    expect(toggle.checked).toBe(true);
    const stored = await settingsItem.getValue();
    await settingsItem.setValue({ ...stored, enabledLexicons: stored.enabledLexicons.filter((id) => id !== 'societal-harm') });
    await waitFor(() => expect(toggle.checked).toBe(false));
  });

  it('re-scores the active tab', async () => {
    const map = sampleMap();
    const sendToTab = tabAnswering({ videoId: map.videoId, state: 'ready', map, track: null });
    render(<PopupApp deps={makeDeps({ sendToTab })} />);
    await screen.findByText(map.headline.sentence);
    fireEvent.click(screen.getByRole('button', { name: 'Re-score this video' }));
    await waitFor(() => expect(sendToTab).toHaveBeenCalledWith(7, 'ui-cs:rescore', {}));
  });

  it('clears the cache and says how many episodes went', async () => {
    let episodes = 4;
    const sendToBackground = vi.fn(async (type: string) => {
      if (type === 'ui-bg:clearCache') {
        const cleared = episodes;
        episodes = 0;
        return { cleared };
      }
      return { episodes, bytes: episodes * 300_000 };
    });
    render(<PopupApp deps={makeDeps({ sendToBackground: sendToBackground as never })} />);
    await waitFor(() => expect(screen.getByTestId('cache-stats').textContent).toBe('Cache: 4 episodes · 1.1 MB'));
    fireEvent.click(screen.getByRole('button', { name: 'Clear cache' }));
    await waitFor(() => expect(screen.getByTestId('cache-status').textContent).toBe('Cleared 4 episodes.'));
    await waitFor(() => expect(screen.getByTestId('cache-stats').textContent).toBe('Cache: 0 episodes · 0 B'));
  });

  it('opens the options page', async () => {
    const deps = makeDeps();
    render(<PopupApp deps={deps} />);
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(deps.openOptionsPage).toHaveBeenCalledOnce();
  });
});

describe('PopupApp: stance, topic and what each lexicon measures (issue 8)', () => {
  it('an off-topic tab: the topic line with its figure, then the leaning line with the stance', async () => {
    const map = sampleMap();
    const offTopic = { ...map, headline: { ...map.headline, stance: -23.4, leaning: 'risk-forward' as const, topic: { onTopic: false, aiMentionsPerHour: 4.6 } } };
    render(<PopupApp deps={makeDeps({ sendToTab: tabAnswering({ videoId: 'WarHistory1', state: 'off-topic', map: offTopic, track: null }) })} />);
    expect((await screen.findByTestId('headline-topic')).textContent).toBe('Not about AI: 4.6 AI mentions per hour — the page offers “Show the map anyway”.');
    expect(screen.getByTestId('headline-line').textContent).toBe('Risk-forward leaning · stance -23 · Technical lens · Confidence: medium');
  });

  it('each lexicon switch says what it measures, from the lexicon data', async () => {
    render(<PopupApp deps={makeDeps()} />);
    for (const lexicon of BUILTIN_LEXICONS) {
      const toggle = await switchFor(lexicon.name);
      const described = (toggle.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
      expect(described).toContain(lexicon.description);
    }
  });
});
