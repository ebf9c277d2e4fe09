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
 *
 * Language menu (both layouts) — NO SOURCE describes it; all of this is a guess from how the panel looks to a user:
 * a footer `ytd-transcript-footer-renderer` › `yt-sort-filter-sub-menu-renderer` › `tp-yt-paper-menu-button` with the
 * current language's name in `#label-text` and a `tp-yt-paper-listbox` of `tp-yt-paper-item[role=option]`, one per
 * caption track, named as the track is named in the player response (`captionTracks[].name`), the shown one
 * `aria-selected="true"`. The panel first shows the default track (the first uploaded one, else the first).
 * Clicking an item selects it at once (label and `aria-selected`), and its rows replace the shown ones
 * `timing.languageMs` later, as if fetched.
 *
 * Stale rows after in-page navigation — NO SOURCE describes this either: the panel element is kept across an SPA
 * navigation, open or closed as it was, and keeps the previous video's rows AND language menu for
 * `timing.staleMs`; then both are replaced by the new video's (default language). A test sets the timing through
 * `window.__replica.transcriptTiming(…)` to cover a short, a long and a never-ending stale period.
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

/** One caption track as the panel offers it: its name in the language menu and its rows. */
export interface PanelTrack {
  name: string;
  segments: PanelSegment[];
}

/** What the panel shows for one video: its tracks and which one it shows first. */
export interface PanelContent {
  tracks: PanelTrack[];
  defaultIndex: number;
}

/** How long the inferred delays last (see the header); a test may change them through the page. */
export interface PanelTiming {
  staleMs: number;
  languageMs: number;
}

export const DEFAULT_PANEL_TIMING: PanelTiming = { staleMs: 1_500, languageMs: 300 };

export const LANGUAGE_ITEM = 'ytd-transcript-footer-renderer tp-yt-paper-item';

export interface BuiltPanel {
  element: HTMLElement;
  layout: PanelLayout;
  /** Called when the panel is first expanded; the classic layout fills its rows then. */
  onFirstOpen(): void;
  /** The next video's content after an SPA navigation: shown after `timing.staleMs` (stale until then). */
  navigateTo(content: PanelContent): void;
  /** The track whose rows are shown (or will be, once loaded), by name; for tests. */
  shownTrack(): string | null;
}

export function buildTranscriptPanel(doc: Document, layout: PanelLayout, first: PanelContent, timing: () => PanelTiming = () => DEFAULT_PANEL_TIMING): BuiltPanel {
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
  let rowsBox: HTMLElement;
  if (layout === 'modern') {
    const list = el(doc, 'yt-section-list-renderer', { 'data-target-id': MODERN_TARGET_ID });
    rowsBox = el(doc, 'div', { id: 'contents' });
    list.append(rowsBox);
    content.append(list);
  } else {
    const renderer = el(doc, 'ytd-transcript-renderer', { class: 'style-scope ytd-engagement-panel-section-list-renderer' });
    const segmentList = el(doc, 'ytd-transcript-segment-list-renderer', { class: 'style-scope ytd-transcript-search-panel-renderer' });
    rowsBox = el(doc, 'div', { id: 'segments-container', class: 'style-scope ytd-transcript-segment-list-renderer' });
    segmentList.append(rowsBox);
    renderer.append(segmentList);
    content.append(renderer);
  }
  const footer = el(doc, 'ytd-transcript-footer-renderer', { class: 'style-scope ytd-engagement-panel-section-list-renderer' });
  panel.append(footer);

  let current = first;
  let selected = first.defaultIndex;
  /** Bumped on every change of content or language: a late load of an older one is dropped. */
  let generation = 0;
  /** Classic: rows are fetched on the first open only. */
  let loaded = layout === 'modern';

  const renderRows = () => {
    const segments = current.tracks[selected]?.segments ?? [];
    rowsBox.replaceChildren(...segments.map((seg) => (layout === 'modern' ? modernRow(doc, seg) : classicRow(doc, seg))));
  };
  const renderMenu = () => {
    const menu = el(doc, 'yt-sort-filter-sub-menu-renderer');
    const button = el(doc, 'tp-yt-paper-menu-button');
    const label = el(doc, 'div', { id: 'label-text' }, current.tracks[selected]?.name ?? '');
    const listbox = el(doc, 'tp-yt-paper-listbox', { role: 'listbox' });
    current.tracks.forEach((track, index) => {
      const item = el(doc, 'tp-yt-paper-item', { role: 'option', 'aria-selected': String(index === selected) }, track.name);
      item.addEventListener('click', () => choose(index));
      listbox.append(item);
    });
    button.append(label, listbox);
    menu.append(button);
    footer.replaceChildren(menu);
  };
  const choose = (index: number) => {
    if (index === selected) return;
    selected = index;
    renderMenu();
    const mine = ++generation;
    if (loaded) setTimeout(() => mine === generation && renderRows(), timing().languageMs);
  };

  renderMenu();
  if (loaded) renderRows();
  return {
    element: panel,
    layout,
    onFirstOpen: () => {
      if (loaded) return;
      loaded = true;
      const mine = generation;
      setTimeout(() => mine === generation && renderRows(), CLASSIC_LOAD_DELAY_MS);
    },
    navigateTo: (next) => {
      const mine = ++generation;
      const show = () => {
        if (mine !== generation) return;
        current = next;
        selected = next.defaultIndex;
        renderMenu();
        if (loaded) renderRows();
      };
      const { staleMs } = timing();
      if (Number.isFinite(staleMs)) setTimeout(show, staleMs);
    },
    shownTrack: () => current.tracks[selected]?.name ?? null,
  };
}

/**
 * Keeps the panel's `hidden` in step with its `visibility` attribute, whoever sets it (the Show-transcript button,
 * the close button, or a script writing ENGAGEMENT_PANEL_VISIBILITY_EXPANDED directly).
 */
export function wirePanelVisibility(panel: BuiltPanel, signal: AbortSignal): void {
  const sync = () => {
    if (signal.aborted) return;
    const expanded = panel.element.getAttribute('visibility') === VISIBILITY_EXPANDED;
    panel.element.toggleAttribute('hidden', !expanded);
    if (expanded) panel.onFirstOpen();
  };
  const observer = new MutationObserver(sync);
  observer.observe(panel.element, { attributes: true, attributeFilter: ['visibility'] });
  signal.addEventListener('abort', () => observer.disconnect());
  panel.element.querySelector('#visibility-button')?.addEventListener('click', () => panel.element.setAttribute('visibility', VISIBILITY_HIDDEN), { signal });
}
