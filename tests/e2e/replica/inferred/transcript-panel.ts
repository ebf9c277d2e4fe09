/**
 * INFERRED — the transcript panel's DOM (YOUTUBE-FACTS §4). No public capture of the full markup exists; the
 * selectors below are the ones clients rely on, and everything around them is a guess. Both layouts are built
 * here and nowhere else, with createElement/textContent only (the replica obeys Trusted Types too).
 *
 * Modern (default since 2026): `ytd-engagement-panel-section-list-renderer[target-id="PAmodern_transcript_view"]`
 *   › `yt-section-list-renderer[data-target-id="PAmodern_transcript_view"]` › `transcript-segment-view-model
 *   .ytwTranscriptSegmentViewModelHost` › `div.ytwTranscriptSegmentViewModelTimestamp[aria-hidden=true]` +
 *   `.ytwTranscriptSegmentViewModelTimestampA11yLabel` + `span.ytAttributedStringHost[role=text]`.
 *   Guess: the rows are in the DOM (hidden) from page load.
 * Classic: `ytd-engagement-panel-section-list-renderer[target-id="engagement-panel-searchable-transcript"]`
 *   › `ytd-transcript-renderer` › `ytd-transcript-segment-list-renderer` › `ytd-transcript-segment-renderer`
 *   (`.segment-timestamp`, `.segment-text`). Guess: rows are fetched when the panel is first opened (here
 *   after `CLASSIC_LOAD_DELAY_MS`), as the old panel loaded its transcript lazily.
 * Hidden = `visibility="ENGAGEMENT_PANEL_VISIBILITY_HIDDEN"` (+ `hidden` attribute); opened by the
 * description's "Show transcript" button or by setting `visibility="ENGAGEMENT_PANEL_VISIBILITY_EXPANDED"`.
 */
export type PanelLayout = 'modern' | 'classic';

export interface PanelSegment {
  startMs: number;
  text: string;
}

export const MODERN_TARGET_ID = 'PAmodern_transcript_view';
export const CLASSIC_TARGET_ID = 'engagement-panel-searchable-transcript';
export const VISIBILITY_EXPANDED = 'ENGAGEMENT_PANEL_VISIBILITY_EXPANDED';
export const VISIBILITY_HIDDEN = 'ENGAGEMENT_PANEL_VISIBILITY_HIDDEN';
export const CLASSIC_LOAD_DELAY_MS = 200;

/** "0:04", "12:34", "1:02:03" — the panel's visible timestamp. */
export function panelTimestamp(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
}

/** "1 minute, 2 seconds" — the modern row's accessibility label. */
export function panelA11yLabel(ms: number): string {
  const total = Math.floor(ms / 1000);
  const parts: [number, string][] = [
    [Math.floor(total / 3600), 'hour'],
    [Math.floor((total % 3600) / 60), 'minute'],
    [total % 60, 'second'],
  ];
  const words = parts.filter(([n], i) => n > 0 || (i === 2 && total === 0)).map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`);
  return words.join(', ');
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs?: Record<string, string>, text?: string): HTMLElementTagNameMap[K];
function el(doc: Document, tag: string, attrs?: Record<string, string>, text?: string): HTMLElement;
function el(doc: Document, tag: string, attrs: Record<string, string> = {}, text?: string): HTMLElement {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function header(doc: Document, title: string): HTMLElement {
  const h = el(doc, 'div', { id: 'header' });
  h.append(el(doc, 'span', { id: 'title-text' }, title));
  const close = el(doc, 'button', { 'aria-label': 'Close transcript', id: 'visibility-button' }, '×');
  h.append(close);
  return h;
}

function modernRow(doc: Document, seg: PanelSegment): HTMLElement {
  const row = el(doc, 'transcript-segment-view-model', { class: 'ytwTranscriptSegmentViewModelHost', 'data-start-ms': String(seg.startMs) });
  row.append(el(doc, 'div', { class: 'ytwTranscriptSegmentViewModelTimestamp', 'aria-hidden': 'true' }, panelTimestamp(seg.startMs)));
  row.append(el(doc, 'div', { class: 'ytwTranscriptSegmentViewModelTimestampA11yLabel' }, panelA11yLabel(seg.startMs)));
  row.append(el(doc, 'span', { class: 'ytAttributedStringHost', role: 'text' }, seg.text));
  return row;
}

function classicRow(doc: Document, seg: PanelSegment): HTMLElement {
  const row = el(doc, 'ytd-transcript-segment-renderer', { class: 'style-scope ytd-transcript-segment-list-renderer' });
  const inner = el(doc, 'div', { class: 'segment style-scope ytd-transcript-segment-renderer', role: 'button', 'aria-label': `${panelA11yLabel(seg.startMs)} ${seg.text}` });
  inner.append(el(doc, 'div', { class: 'segment-timestamp style-scope ytd-transcript-segment-renderer' }, panelTimestamp(seg.startMs)));
  inner.append(el(doc, 'yt-formatted-string', { class: 'segment-text style-scope ytd-transcript-segment-renderer' }, seg.text));
  row.append(inner);
  return row;
}

export interface BuiltPanel {
  element: HTMLElement;
  /** Called when the panel is first expanded; the classic layout fills its rows then. */
  onFirstOpen(): void;
}

export function buildTranscriptPanel(doc: Document, layout: PanelLayout, segments: PanelSegment[]): BuiltPanel {
  const targetId = layout === 'modern' ? MODERN_TARGET_ID : CLASSIC_TARGET_ID;
  const panel = el(doc, 'ytd-engagement-panel-section-list-renderer', {
    class: 'style-scope ytd-watch-flexy',
    'target-id': targetId,
    visibility: VISIBILITY_HIDDEN,
    hidden: '',
  });
  panel.append(header(doc, 'Transcript'));
  const content = el(doc, 'div', { id: 'content', class: 'style-scope ytd-engagement-panel-section-list-renderer' });
  panel.append(content);
  if (layout === 'modern') {
    const list = el(doc, 'yt-section-list-renderer', { 'data-target-id': MODERN_TARGET_ID });
    const contents = el(doc, 'div', { id: 'contents' });
    for (const seg of segments) contents.append(modernRow(doc, seg));
    list.append(contents);
    content.append(list);
    return { element: panel, onFirstOpen: () => undefined };
  }
  const renderer = el(doc, 'ytd-transcript-renderer', { class: 'style-scope ytd-engagement-panel-section-list-renderer' });
  const segmentList = el(doc, 'ytd-transcript-segment-list-renderer', { class: 'style-scope ytd-transcript-search-panel-renderer' });
  const segs = el(doc, 'div', { id: 'segments-container', class: 'style-scope ytd-transcript-segment-list-renderer' });
  segmentList.append(segs);
  renderer.append(segmentList);
  content.append(renderer);
  let filled = false;
  return {
    element: panel,
    onFirstOpen: () => {
      if (filled) return;
      filled = true;
      setTimeout(() => {
        for (const seg of segments) segs.append(classicRow(doc, seg));
      }, CLASSIC_LOAD_DELAY_MS);
    },
  };
}

/**
 * Keeps the panel's `hidden` in step with its `visibility` attribute, whoever sets it (the Show-transcript button,
 * the close button, or a script writing ENGAGEMENT_PANEL_VISIBILITY_EXPANDED directly).
 */
export function wirePanelVisibility(panel: BuiltPanel, signal: AbortSignal): void {
  const sync = () => {
    const expanded = panel.element.getAttribute('visibility') === VISIBILITY_EXPANDED;
    panel.element.toggleAttribute('hidden', !expanded);
    if (expanded) panel.onFirstOpen();
  };
  const observer = new MutationObserver(sync);
  observer.observe(panel.element, { attributes: true, attributeFilter: ['visibility'] });
  signal.addEventListener('abort', () => observer.disconnect());
  panel.element.querySelector('#visibility-button')?.addEventListener('click', () => panel.element.setAttribute('visibility', VISIBILITY_HIDDEN), { signal });
}
