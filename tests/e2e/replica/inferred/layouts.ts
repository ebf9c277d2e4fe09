/**
 * INFERRED — the player's layouts, as switches on the replica page (page world, bundled into app.js).
 *
 * What the sources give (YOUTUBE-FACTS §6, §7; fixture watch-page_web_2025-12 flags): the class names SponsorBlock
 * picks its attach point from, in priority order — `.ytChapteredProgressBarHost`, `.ytProgressBarLineHost`, the hover
 * preview's `#video-preview .ytp-progress-bar`, the classic `.ytp-progress-bar` — and that it takes the first
 * *visible* one; `.ytp-delhi-modern` on the player for the test layout (seen from July 2025; the 2025-12 watch page
 * carries `delhi_modern_web_player_*` flags); chapters split the bar into `.ytp-chapters-container` pieces with gaps;
 * the hover preview is `#video-preview` / `ytd-video-preview` with its own `<video>` and bar; the miniplayer keeps
 * playing in `.miniplayer` on a non-watch URL; theater is managed by ytd-watch-flexy (flag
 * `kevlar_watch_flexy_theater_manager`).
 *
 * What is guessed here, one place, to be corrected from a real capture without touching the tests:
 * - Newer bars: the player gets `ytp-delhi-modern`; the classic `.ytp-progress-bar` stays in the DOM but hidden
 *   (`display:none`) — why "first visible" matters. `line-host`: one full-width `.ytProgressBarLineHost`.
 *   `chaptered-host`: a full-width `.ytChapteredProgressBarHost` whose chapter pieces
 *   (`.ytChapteredProgressBarChapteredPlayerBarChapter`) each hold their own `.ytProgressBarLineHost` — so the
 *   line-host selector also matches the *first chapter's* piece.
 * - Chapters: piece k starts at clock position start_k/duration of the bar and is 2 px shorter than its share
 *   (the gap is at its end); a click maps linearly over the whole bar (x/width × duration). Classic pieces are
 *   `.ytp-chapter-hover-container` in `.ytp-chapters-container` inside `.ytp-progress-bar`.
 * - Theater / fullscreen: `ytd-watch-flexy[theater]` / `[fullscreen]` (+ `.ytp-fullscreen` on the player);
 *   the player container moves into `#full-bleed-container > #player-full-bleed-container` above `#columns`
 *   (100 vh in fullscreen, the columns follow below it: the page scrolls on to them).
 * - Narrow: `ytd-watch-flexy` loses `is-two-columns_` and `#secondary` moves under the video, after `#below`.
 * - Hover preview: `ytd-video-preview#video-preview` as ytd-app's first child (before the page manager, so first in
 *   document order), shown over the page, with `div#inline-preview-player.html5-video-player` holding a playing
 *   `video.html5-main-video` and the same bar markup as the main player.
 * - Miniplayer: `ytd-miniplayer` (in ytd-app) with a `.miniplayer` box; the player container moves into it, the URL
 *   becomes `/` with `yt-navigate-*` (pageType browse), ytd-watch-flexy is hidden; expanding reverses it.
 */

export type ProgressBarKind = 'classic' | 'line-host' | 'chaptered-host';

export interface LayoutState {
  progressBar: ProgressBarKind;
  theater: boolean;
  fullscreen: boolean;
  narrow: boolean;
  preview: boolean;
  miniplayer: boolean;
}

export const DEFAULT_LAYOUT: LayoutState = { progressBar: 'classic', theater: false, fullscreen: false, narrow: false, preview: false, miniplayer: false };

export const LAYOUT_CSS = `
ytd-watch-flexy[fullscreen] #full-bleed-container{height:100vh;background:#000}
ytd-watch-flexy[fullscreen] #player-full-bleed-container,ytd-watch-flexy[theater] #player-full-bleed-container{height:100%;max-height:calc(100vh - 56px)}
ytd-watch-flexy[fullscreen] #player-full-bleed-container{max-height:100vh}
ytd-watch-flexy[theater] #movie_player{aspect-ratio:auto;height:calc(100vh - 169px);min-height:360px}
ytd-watch-flexy[fullscreen] #movie_player{aspect-ratio:auto;height:100vh}
ytd-watch-flexy:not([is-two-columns_]) #columns{display:block}
ytd-watch-flexy:not([is-two-columns_]) #secondary{width:auto}
.ytp-progress-bar-container{cursor:pointer}
.ytp-chapters-container,.ytChapteredProgressBarHost{position:absolute;inset:0;display:flex}
.ytp-chapter-hover-container,.ytChapteredProgressBarChapteredPlayerBarChapter{position:relative;height:100%;margin-right:2px;background:rgba(255,255,255,.35)}
.ytProgressBarLineHost{position:absolute;inset:0;background:rgba(255,255,255,.35)}
.ytChapteredProgressBarChapteredPlayerBarChapter .ytProgressBarLineHost{position:absolute;inset:0}
.ytp-delhi-modern .ytp-progress-bar{display:none}
ytd-video-preview{position:fixed;right:24px;top:120px;width:360px;z-index:2000;display:block}
ytd-video-preview #inline-preview-player{position:relative;aspect-ratio:16/9;background:#222}
ytd-miniplayer{position:fixed;right:12px;bottom:12px;width:400px;z-index:2000;display:block}
ytd-miniplayer .miniplayer #movie_player{aspect-ratio:16/9;height:auto}
`;

export interface LayoutDeps {
  doc: Document;
  playerRoot: HTMLElement;
  /** The media duration in seconds (the bar's scale) or the episode's length while the media is unknown. */
  duration(): number;
  /** Chapter starts in seconds (first is 0), or [] for none. */
  chapters(): number[];
  /** Seeks the main video (a click on the visible bar). */
  seek(seconds: number): void;
  /** Pretends an SPA navigation to `path` with these page-type events (the miniplayer leaves the watch URL). */
  navigateTo(path: string, pageType: 'watch' | 'browse'): void;
  mediaUrl(): string;
}

export interface Layouts {
  state(): LayoutState;
  set(next: Partial<LayoutState>): void;
  /** Rebuilds the bars (new video, duration known). */
  renderBars(): void;
}

export function createLayouts(deps: LayoutDeps, initial: Partial<LayoutState>): Layouts {
  const { doc, playerRoot } = deps;
  let state: LayoutState = { ...DEFAULT_LAYOUT, ...initial };
  const flexy = () => doc.querySelector('ytd-watch-flexy');
  const playerContainer = () => playerRoot.closest('#player-container') as HTMLElement | null;
  const el = (tag: string, cls = '', id = '') => {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (id) e.id = id;
    return e;
  };

  /** The bar markup for one player: classic bar (hidden in the newer layouts) + the newer host when asked. */
  const buildBars = (container: Element, kind: ProgressBarKind) => {
    const classic = el('div', 'ytp-progress-bar');
    classic.setAttribute('role', 'slider');
    classic.setAttribute('aria-label', 'Seek slider');
    const chapters = deps.chapters();
    const total = deps.duration();
    const pieces = (cls: string, parent: Element, inner?: string) => {
      const starts = chapters.length > 0 ? chapters : [0];
      starts.forEach((start, i) => {
        const end = starts[i + 1] ?? total;
        const piece = el('div', cls);
        piece.style.width = `calc(${(((end - start) / total) * 100).toFixed(4)}% - 2px)`;
        piece.style.flex = 'none';
        if (inner) piece.append(el('div', inner));
        parent.append(piece);
      });
    };
    const list = el('div', 'ytp-progress-list');
    classic.append(list);
    if (chapters.length > 0) {
      const container2 = el('div', 'ytp-chapters-container');
      pieces('ytp-chapter-hover-container', container2);
      classic.append(container2);
    }
    container.replaceChildren(classic);
    if (kind === 'line-host') container.append(el('div', 'ytProgressBarLineHost'));
    if (kind === 'chaptered-host') {
      const host = el('div', 'ytChapteredProgressBarHost');
      pieces('ytChapteredProgressBarChapteredPlayerBarChapter', host, 'ytProgressBarLineHost');
      container.append(host);
    }
  };

  const mainBarContainer = () => playerRoot.querySelector('.ytp-progress-bar-container');

  const renderBars = () => {
    playerRoot.classList.toggle('ytp-delhi-modern', state.progressBar !== 'classic');
    const container = mainBarContainer();
    if (container) buildBars(container, state.progressBar);
    const preview = doc.querySelector('#video-preview');
    const previewBar = preview?.querySelector('.ytp-progress-bar-container');
    if (previewBar) buildBars(previewBar, state.progressBar);
    preview?.querySelector('.html5-video-player')?.classList.toggle('ytp-delhi-modern', state.progressBar !== 'classic');
  };

  // The scrubber: a click anywhere on the visible bar seeks linearly over its whole width.
  playerRoot.addEventListener('click', (event) => {
    const container = (event.target as Element | null)?.closest?.('.ytp-progress-bar-container');
    if (!container || !playerRoot.contains(container)) return;
    const rect = container.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
    deps.seek(fraction * deps.duration());
  });

  const fullBleed = () => doc.querySelector('#player-full-bleed-container');
  const primarySlot = () => doc.querySelector('#player-container-inner');

  const placePlayer = () => {
    const container = playerContainer();
    if (!container) return;
    if (state.miniplayer) {
      doc.querySelector('ytd-miniplayer .miniplayer')?.append(container);
    } else if (state.theater || state.fullscreen) {
      if (container.parentElement !== fullBleed()) fullBleed()?.append(container);
    } else if (container.parentElement !== primarySlot()) {
      primarySlot()?.append(container);
    }
  };

  const applyPreview = () => {
    const existing = doc.querySelector('#video-preview');
    if (!state.preview) return existing?.remove();
    if (existing) return;
    const preview = el('ytd-video-preview', '', 'video-preview');
    const player = el('div', 'html5-video-player ytp-transparent', 'inline-preview-player');
    const videoBox = el('div', 'html5-video-container');
    const video = el('video', 'video-stream html5-main-video') as HTMLVideoElement;
    video.muted = true;
    video.src = deps.mediaUrl();
    videoBox.append(video);
    const bottom = el('div', 'ytp-chrome-bottom');
    bottom.append(el('div', 'ytp-progress-bar-container'));
    player.append(videoBox, bottom);
    preview.append(player);
    doc.querySelector('ytd-app')?.prepend(preview);
    renderBars();
    void video.play().catch(() => undefined);
  };

  const applyMiniplayer = (was: boolean) => {
    if (state.miniplayer === was) return;
    const app = doc.querySelector('ytd-app');
    if (state.miniplayer) {
      const mini = el('ytd-miniplayer');
      mini.append(el('div', 'miniplayer'));
      app?.append(mini);
      app?.setAttribute('miniplayer-is-active', '');
      flexy()?.setAttribute('hidden', '');
      placePlayer();
      deps.navigateTo('/', 'browse');
    } else {
      flexy()?.removeAttribute('hidden');
      app?.removeAttribute('miniplayer-is-active');
      placePlayer();
      doc.querySelector('ytd-miniplayer')?.remove();
      deps.navigateTo('', 'watch');
    }
  };

  const apply = (previous: LayoutState) => {
    const f = flexy();
    f?.toggleAttribute('theater', state.theater);
    f?.toggleAttribute('fullscreen', state.fullscreen);
    f?.toggleAttribute('is-two-columns_', !state.narrow);
    playerRoot.classList.toggle('ytp-fullscreen', state.fullscreen);
    playerRoot.classList.toggle('ytp-big-mode', state.fullscreen);
    if (state.narrow !== previous.narrow) {
      const secondary = doc.querySelector('#secondary');
      const below = doc.querySelector('#below');
      const columns = doc.querySelector('#columns');
      if (secondary && below && state.narrow) below.after(secondary);
      else if (secondary && columns) columns.append(secondary);
    }
    if (state.fullscreen !== previous.fullscreen) {
      if (state.fullscreen) void doc.documentElement.requestFullscreen?.().catch(() => undefined);
      else if (doc.fullscreenElement) void doc.exitFullscreen().catch(() => undefined);
      doc.defaultView?.scrollTo(0, 0);
    }
    if (state.progressBar !== previous.progressBar) renderBars();
    applyPreview();
    applyMiniplayer(previous.miniplayer);
    if (!state.miniplayer) placePlayer();
    doc.defaultView?.dispatchEvent(new Event('resize'));
  };

  apply({ ...DEFAULT_LAYOUT });
  renderBars();

  return {
    state: () => ({ ...state }),
    set(next) {
      const previous = state;
      state = { ...state, ...next };
      apply(previous);
    },
    renderBars,
  };
}
