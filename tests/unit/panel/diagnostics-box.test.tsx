// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { COPIED_SENTENCE, CopyDiagnostics, NOT_COPIED_SENTENCE } from '../../../src/panel/components/copy-diagnostics';
import { DiagnosticsBox } from '../../../src/panel/components/diagnostics-box';
import { Panel, type PanelActions } from '../../../src/panel/components/panel';
import type { PanelView } from '../../../src/panel/panel-view';
import { createVideoClock } from '../../../src/panel/video-clock';
import PageProblems from '../../../src/ui/popup/page-problems';
import { formatDiagnostics, missingSentence, type Diagnostics } from '../../../src/youtube-page/diagnostics';
import { diagnosticsText } from '../../../src/youtube-page/diagnostics-schema';
import { drawerActions, readyView } from './fixtures';

const RECORD: Diagnostics = {
  extensionVersion: '0.1.0',
  browser: 'Chrome 156',
  page: 'watch',
  state: 'unavailable',
  missing: ['captions'],
  layout: {
    watchPage: true,
    playerRoot: true,
    video: true,
    theater: false,
    fullscreen: false,
    twoColumns: true,
    delhiModern: true,
    chapters: false,
    miniplayer: false,
    hoverPreview: false,
    adShowing: false,
  },
  placed: { panel: 'below', progressBar: 'chaptered-host' },
  panelPlaces: [{ name: 'below', finding: 'visible' }],
  progressBars: [{ name: 'chaptered-host', finding: 'visible' }],
  attempts: [{ strategy: 'player', outcome: 'empty' }],
};

afterEach(cleanup);

const copyButton = (root: Element) => root.querySelector<HTMLButtonElement>('[data-action="copy-diagnostics"]')!;

describe('CopyDiagnostics (the panel’s box and the popup)', () => {
  it.each([
    [true, COPIED_SENTENCE],
    [false, NOT_COPIED_SENTENCE],
  ])('builds the text when pressed, copies it and shows it (clipboard took it: %s)', async (took, sentence) => {
    let now = 'first';
    const copyText = vi.fn(async (_text: string) => took);
    const { container } = render(<CopyDiagnostics text={() => now} copyText={copyText} buttonClass="button" resultClass="small" />);
    expect(container.querySelector('[role="status"]')).toBeNull();
    now = 'as the page is when pressed';
    fireEvent.click(copyButton(container));
    await waitFor(() => expect(container.querySelector('[role="status"]')?.textContent).toBe(sentence));
    expect(copyText).toHaveBeenCalledWith('as the page is when pressed');
    expect(container.querySelector('pre.diagnostics-text.small')!.textContent).toBe('as the page is when pressed');
    expect(copyButton(container).className).toBe('button');
  });
});

describe('DiagnosticsBox (loaded on first use)', () => {
  it('says which parts were not found and copies the formatted record of the page as it is when pressed', async () => {
    const record = vi.fn(() => RECORD);
    const copyText = vi.fn(async () => true);
    const { container } = render(<DiagnosticsBox missing={['captions', 'progress-bar']} record={record} copyText={copyText} />);
    expect([...container.querySelectorAll('[data-missing]')].map((p) => [p.getAttribute('data-missing'), p.textContent])).toEqual([
      ['captions', missingSentence('captions')],
      ['progress-bar', missingSentence('progress-bar')],
    ]);
    expect(record).not.toHaveBeenCalled();
    fireEvent.click(copyButton(container));
    await waitFor(() => expect(container.querySelector('.diagnostics-text')?.textContent).toBe(formatDiagnostics(RECORD)));
    expect(copyText).toHaveBeenCalledWith(formatDiagnostics(RECORD));
    // Its styles come with it (they left panel.css; vitest hands CSS over empty, e2e diagnostics.spec.ts sees them).
    expect(container.querySelector('style')).not.toBeNull();
  });
});

describe('the panel’s diagnostics slot', () => {
  function setup(view: PanelView, over: Partial<PanelActions> = {}) {
    const clock = createVideoClock({ events: document, getVideo: () => null, now: () => 0, setTimer: () => 1, clearTimer: () => {} });
    const actions = { ...drawerActions(async (from) => ({ total: 0, from, cues: [] })), diagnosticsRecord: vi.fn(() => RECORD), ...over };
    const result = render(<Panel view={view} actions={actions as PanelActions} clock={clock} />);
    return { root: result.container as HTMLElement, actions };
  }
  const unavailable: PanelView = { state: 'unavailable', videoId: 'GJLlxj_dtq8', message: 'Captions exist but could not be fetched.' };
  const slot = (root: HTMLElement) => root.querySelector<HTMLElement>('[data-diagnostics]');

  it('loads nothing while nothing is missing', () => {
    const { root, actions } = setup(readyView());
    expect(slot(root)).toBeNull();
    expect(actions.loadDiagnostics).not.toHaveBeenCalled();
  });

  it('draws the slot at once, then the loaded box; Copy puts the formatted record on the clipboard', async () => {
    const { root, actions } = setup(unavailable);
    expect(slot(root)!.textContent).toBe('Loading the diagnostics…');
    await waitFor(() => expect(slot(root)!.querySelector('[data-missing="captions"]')).not.toBeNull());
    expect(actions.loadDiagnostics).toHaveBeenCalledTimes(1);
    fireEvent.click(copyButton(root));
    await waitFor(() => expect(root.querySelector('.diagnostics-text')?.textContent).toBe(formatDiagnostics(RECORD)));
    expect(actions.copyText).toHaveBeenCalledWith(formatDiagnostics(RECORD));
    expect(root.querySelector('[role="status"].copy-result')!.textContent).toBe(COPIED_SENTENCE);
  });

  it('a clipboard that refuses: says so and still shows the text', async () => {
    const { root } = setup(unavailable, { copyText: vi.fn(async () => Promise.reject(new Error('denied'))) });
    await waitFor(() => expect(copyButton(root)).not.toBeNull());
    fireEvent.click(copyButton(root));
    await waitFor(() => expect(root.querySelector('.copy-result')?.textContent).toBe(NOT_COPIED_SENTENCE));
    expect(root.querySelector('.diagnostics-text')!.textContent).toBe(formatDiagnostics(RECORD));
  });

  it('a failed load says so, and "Try again" loads it', async () => {
    const loadDiagnostics = vi.fn(async () => DiagnosticsBox).mockRejectedValueOnce(new Error('blocked'));
    const { root } = setup(unavailable, { loadDiagnostics });
    await waitFor(() => expect(slot(root)!.textContent).toContain('The diagnostics could not be shown (blocked).'));
    expect(root.querySelector('[data-action="copy-diagnostics"]')).toBeNull();
    fireEvent.click(root.querySelector('[data-action="retry-diagnostics"]')!);
    await waitFor(() => expect(copyButton(root)).not.toBeNull());
    expect(loadDiagnostics).toHaveBeenCalledTimes(2);
    expect(slot(root)!.textContent).not.toContain('could not be shown');
  });
});

describe('the popup’s page problems', () => {
  it('copies the text of the tab’s record (parsed first) with the same button and result', async () => {
    const copyText = vi.fn(async () => false);
    const { container } = render(<PageProblems problems={{ missing: ['panel-place'], diagnostics: RECORD }} copyText={copyText} />);
    expect(container.querySelector('[data-missing="panel-place"]')!.textContent).toBe(missingSentence('panel-place'));
    fireEvent.click(copyButton(container));
    await waitFor(() => expect(container.querySelector('.copy-result.small')?.textContent).toBe(NOT_COPIED_SENTENCE));
    expect(copyText).toHaveBeenCalledWith(diagnosticsText(RECORD));
    expect(container.querySelector('pre.diagnostics-text.small')!.textContent).toBe(diagnosticsText(RECORD));
  });

  it('offers no copy without a record', () => {
    const { container } = render(<PageProblems problems={{ missing: ['progress-bar'], diagnostics: null }} />);
    expect(container.querySelector('[data-action="copy-diagnostics"]')).toBeNull();
  });
});
