import { englishTranslationOf } from '../../../src/captions/caption-track';
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createPanelStrategy } from '../../../src/acquisition/panel-strategy';
import { readTranscriptPanel } from '../../../src/acquisition/read-transcript-panel';
import { segmentsToJson3 } from '../../../src/acquisition/segments-to-json3';
import { parseCaptions } from '../../../src/captions/parse-captions';
import type { AcquireRequest } from '../../../src/acquisition/acquisition-strategy';

/** The reader as the content script loads it from its chunk (load-chunks.ts), here at once. */
const loadReader = async () => readTranscriptPanel;

const ROWS = [
  { time: '0:04', text: 'Welcome back to the show.' },
  { time: '0:09', text: 'Today we talk about AI safety.' },
  { time: '1:02', text: 'And the jobs it may create.' },
];

const el = (tag: string, attrs: Record<string, string> = {}, text?: string) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
};

/** Markup per YOUTUBE-FACTS §4 (the same shapes the replica builds). */
function modernPanel(): HTMLElement {
  const panel = el('ytd-engagement-panel-section-list-renderer', { 'target-id': 'PAmodern_transcript_view', visibility: 'ENGAGEMENT_PANEL_VISIBILITY_HIDDEN' });
  for (const r of ROWS) {
    const row = el('transcript-segment-view-model', { class: 'ytwTranscriptSegmentViewModelHost' });
    row.append(el('div', { class: 'ytwTranscriptSegmentViewModelTimestamp', 'aria-hidden': 'true' }, r.time));
    row.append(el('div', { class: 'ytwTranscriptSegmentViewModelTimestampA11yLabel' }, 'label'));
    row.append(el('span', { class: 'ytAttributedStringHost', role: 'text' }, r.text));
    panel.append(row);
  }
  return panel;
}

/** Classic: rows are loaded only when the panel is opened by the "Show transcript" button. */
function classicPage(): { panel: HTMLElement; closes: () => number } {
  const panel = el('ytd-engagement-panel-section-list-renderer', { 'target-id': 'engagement-panel-searchable-transcript', visibility: 'ENGAGEMENT_PANEL_VISIBILITY_HIDDEN' });
  let closes = 0;
  const close = el('button', { 'aria-label': 'Close transcript', id: 'visibility-button' });
  close.addEventListener('click', () => {
    closes++;
    panel.setAttribute('visibility', 'ENGAGEMENT_PANEL_VISIBILITY_HIDDEN');
  });
  panel.append(close);
  const section = el('ytd-video-description-transcript-section-renderer');
  const button = el('button', {}, 'Show transcript');
  button.addEventListener('click', () => {
    panel.setAttribute('visibility', 'ENGAGEMENT_PANEL_VISIBILITY_EXPANDED');
    setTimeout(() => {
      for (const r of ROWS) {
        const row = el('ytd-transcript-segment-renderer');
        row.append(el('div', { class: 'segment-timestamp' }, `\n   ${r.time}\n `));
        row.append(el('yt-formatted-string', { class: 'segment-text' }, r.text));
        panel.append(row);
      }
    }, 30);
  });
  section.append(button);
  document.body.append(section, panel);
  return { panel, closes: () => closes };
}

const german = { baseUrl: 'https://www.youtube.com/api/timedtext?v=abcdefghijk&lang=de', languageCode: 'de', vssId: '.de', name: 'German', translatesToEnglish: true as const };
const req = { videoId: 'abcdefghijk', track: german, tracks: [german], innertube: null } as AcquireRequest;
const live = () => new AbortController().signal;

describe('panel strategy', () => {
  it('reads the modern panel rows (start times + text) into a json3 body the parser accepts', async () => {
    document.body.replaceChildren(modernPanel());
    const result = await createPanelStrategy({ doc: document, rowsTimeoutMs: 200, intervalMs: 10, loadReader }).acquire(req, live());
    if (!result.ok) throw new Error(result.detail);
    const parsed = parseCaptions(result.body);
    expect(parsed.format).toBe('json3');
    expect(parsed.cues.map((c) => [c.startMs, c.text])).toEqual([
      [4000, ROWS[0]!.text],
      [9000, ROWS[1]!.text],
      [62000, ROWS[2]!.text],
    ]);
  });

  it('opens the classic panel with "Show transcript", waits for rows, and closes it again', async () => {
    document.body.replaceChildren();
    const { panel, closes } = classicPage();
    const result = await createPanelStrategy({ doc: document, rowsTimeoutMs: 1000, intervalMs: 10, loadReader }).acquire(req, live());
    expect(result).toMatchObject({ ok: true, detail: '3 transcript rows' });
    expect(closes()).toBe(1);
    expect(panel.getAttribute('visibility')).toBe('ENGAGEMENT_PANEL_VISIBILITY_HIDDEN');
  });

  it('no transcript panel at all: unavailable', async () => {
    document.body.replaceChildren(el('div', { id: 'below' }));
    await expect(createPanelStrategy({ doc: document, rowsTimeoutMs: 50, intervalMs: 10, loadReader }).acquire(req, live())).resolves.toMatchObject({
      ok: false,
      outcome: 'unavailable',
    });
  });

  it('a machine translation is not what the panel shows: declined without opening it', async () => {
    document.body.replaceChildren(modernPanel());
    const translated = englishTranslationOf(german)!;
    const result = await createPanelStrategy({ doc: document, rowsTimeoutMs: 50, intervalMs: 10, loadReader }).acquire({ ...req, track: translated }, live());
    expect(result).toMatchObject({ ok: false, outcome: 'not-needed' });
  });
});

describe('segmentsToJson3', () => {
  it('durations are next start − start; the last gets the median gap; blank rows dropped; sorted', () => {
    const body = JSON.parse(
      segmentsToJson3([
        { startMs: 9000, text: 'b' },
        { startMs: 4000, text: 'a' },
        { startMs: 10000, text: '  ' },
        { startMs: 12000, text: 'c' },
      ]),
    ) as { events: { tStartMs: number; dDurationMs: number }[] };
    expect(body.events.map((e) => [e.tStartMs, e.dDurationMs])).toEqual([
      [4000, 5000],
      [9000, 3000],
      [12000, 5000],
    ]);
  });
});
