import { buildTranscriptPanel, wirePanelVisibility, DEFAULT_PANEL_TIMING, VISIBILITY_EXPANDED, type BuiltPanel, type PanelTiming } from '../inferred/transcript-panel';
import { createLayouts, type LayoutState, type Layouts } from '../inferred/layouts';
import type { ReplicaPageData } from './page-data';
import { createReplicaPlayer } from './player';

/**
 * The replica's page script (bundled by the server, loaded with the CSP nonce). It builds the per-video parts of
 * the page with createElement/textContent only, runs the fake player, and performs YouTube-style SPA navigation:
 * pushState, `yt-navigate-start` → fetch page data → swap the `<video>` element → `yt-navigate-finish`,
 * `yt-page-data-updated`, `yt-player-updated`, leaving `window.ytInitialPlayerResponse` stale.
 */
declare global {
  interface Window {
    __replicaInitialData?: ReplicaPageData;
    __replica?: {
      navigate(videoId: string): Promise<void>;
      ready: Promise<void>;
      pageData(): ReplicaPageData | null;
      /** Switches the page's layout (theater, fullscreen, narrow, hover preview, miniplayer, progress-bar markup). */
      layout?(next: Partial<LayoutState>): LayoutState;
      /** The transcript panel's inferred delays (stale rows after navigation, a language's rows): inferred/transcript-panel.ts. */
      transcriptTiming?(next: Partial<PanelTiming>): PanelTiming;
      /** The name of the track the transcript panel shows (or is loading), or null without a panel. */
      transcriptTrack?(): string | null;
    };
  }
}

function start(win: Window): void {
  const doc = win.document;
  const initial = win.__replicaInitialData;
  if (!initial) return;
  if (initial.pageType === 'browse') {
    win.__replica = { navigate: async (id) => void win.location.assign(`/watch?v=${id}`), ready: Promise.resolve(), pageData: () => null };
    return;
  }
  const playerRoot = doc.querySelector<HTMLElement>(initial.pageType === 'shorts' ? '#shorts-player' : '#movie_player');
  if (!playerRoot) return;
  const player = createReplicaPlayer(playerRoot, win, { attachApi: initial.variants.playerApi });
  const app = doc.querySelector('ytd-app');
  let current: ReplicaPageData = initial;
  let pageAbort = new AbortController();
  let transcript: BuiltPanel | null = null;
  let transcriptTiming: PanelTiming = { ...DEFAULT_PANEL_TIMING };

  const fire = (type: string, detail: unknown) => (app ?? doc).dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  const endpoint = (d: ReplicaPageData) =>
    d.pageType === 'shorts' ? { reelWatchEndpoint: { videoId: d.videoId } } : { watchEndpoint: { videoId: d.videoId } };

  const render = (d: ReplicaPageData) => {
    pageAbort.abort();
    pageAbort = new AbortController();
    doc.title = `${d.title} - YouTube`;
    doc.querySelector('ytd-watch-flexy')?.setAttribute('video-id', d.videoId);
    const title = doc.querySelector('ytd-watch-metadata #title h1 yt-formatted-string');
    if (title) title.textContent = d.title;
    const owner = doc.querySelector('ytd-watch-metadata #owner #channel-name');
    if (owner) owner.textContent = d.channelName;
    const description = doc.querySelector('#description #description-text');
    if (description) description.textContent = d.description;
    transcript = renderPanel(doc, d, pageAbort.signal, transcript, () => transcriptTiming);
    renderRelated(doc, d);
  };

  const swapVideo = (d: ReplicaPageData): HTMLVideoElement => {
    const old = playerRoot.querySelector('video');
    const fresh = doc.createElement('video');
    fresh.className = 'video-stream html5-main-video';
    fresh.setAttribute('preload', 'auto');
    fresh.setAttribute('tabindex', '-1');
    fresh.src = d.mediaUrl;
    if (old) {
      old.pause();
      old.removeAttribute('src');
      old.load();
      old.replaceWith(fresh);
    } else playerRoot.querySelector('.html5-video-container')?.append(fresh);
    return fresh;
  };

  const navigate = async (videoId: string, push = true): Promise<void> => {
    const pageType = current.pageType;
    fire('yt-navigate-start', { pageType, endpoint: { watchEndpoint: { videoId } }, url: `/watch?v=${videoId}` });
    const res = await fetch(`/replica-api/page?v=${encodeURIComponent(videoId)}&type=${pageType}`);
    if (!res.ok) throw new Error(`replica: no episode ${videoId}`);
    const next = (await res.json()) as ReplicaPageData;
    if (push) win.history.pushState({ videoId }, '', pageType === 'shorts' ? `/shorts/${videoId}` : `/watch?v=${videoId}`);
    current = next;
    const video = swapVideo(next);
    render(next);
    layouts?.set({ progressBar: next.variants.progressBar });
    layouts?.renderBars();
    player.load(next, video);
    const detail = { pageType, endpoint: endpoint(next), response: { playerResponse: next.playerResponse, response: {} } };
    fire('yt-page-data-fetched', { pageData: detail.response });
    fire('yt-navigate-finish', detail);
    fire('yt-page-data-updated', { pageType });
    void player.ready.then(() => fire('yt-player-updated', playerRoot));
  };

  doc.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a#thumbnail');
    if (!(link instanceof HTMLAnchorElement)) return;
    const id = new URL(link.href).searchParams.get('v') ?? link.pathname.split('/shorts/')[1];
    if (!id || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    void navigate(id);
  });
  win.addEventListener('popstate', () => {
    const url = new URL(win.location.href);
    const id = url.searchParams.get('v') ?? url.pathname.split('/shorts/')[1];
    if (id && id !== current.videoId) void navigate(id, false);
  });

  let layouts: Layouts | null = null;
  const mainVideo = () => playerRoot.querySelector('video');
  if (initial.pageType === 'watch') {
    layouts = createLayouts(
      {
        doc,
        playerRoot,
        duration: () => {
          const d = mainVideo()?.duration;
          return d && Number.isFinite(d) ? d : current.lengthSeconds;
        },
        chapters: () => current.variants.chapters,
        seek: (seconds) => {
          const v = mainVideo();
          if (v) v.currentTime = seconds;
        },
        navigateTo: (path, pageType) => {
          const url = path || `/watch?v=${current.videoId}`;
          fire('yt-navigate-start', { pageType, url });
          win.history.pushState({}, '', url);
          fire('yt-navigate-finish', pageType === 'watch' ? { pageType, endpoint: endpoint(current), response: { playerResponse: current.playerResponse, response: {} } } : { pageType, endpoint: {}, response: {} });
          fire('yt-page-data-updated', { pageType });
        },
        mediaUrl: () => current.mediaUrl,
      },
      { progressBar: initial.variants.progressBar },
    );
    // The bar's scale is the media's duration: redraw the chapter pieces when it is known / changes.
    doc.addEventListener('durationchange', (e) => e.target === mainVideo() && layouts?.renderBars(), true);
  }

  render(initial);
  player.load(initial, playerRoot.querySelector('video')!);
  void player.ready.then(() => {
    if (initial.pageType !== 'embed') fire('yt-player-updated', playerRoot);
  });
  win.__replica = {
    navigate: (id) => navigate(id),
    ready: player.ready,
    pageData: () => current,
    layout: (next) => {
      layouts?.set(next);
      return layouts?.state() ?? ({} as LayoutState);
    },
    transcriptTiming: (next) => (transcriptTiming = { ...transcriptTiming, ...next }),
    transcriptTrack: () => transcript?.shownTrack() ?? null,
  };
}

/**
 * The transcript panel for this page. After an SPA navigation the same panel element is kept (open or closed as it
 * was) and shows the previous video's rows until the new ones load (inferred/transcript-panel.ts); a hard load, a
 * video of another layout or one without a panel builds it afresh.
 */
function renderPanel(doc: Document, d: ReplicaPageData, signal: AbortSignal, previous: BuiltPanel | null, timing: () => PanelTiming): BuiltPanel | null {
  const panels = doc.querySelector('#secondary #panels');
  const section = doc.querySelector('ytd-video-description-transcript-section-renderer');
  const content = { tracks: d.panelTracks, defaultIndex: d.panelDefaultTrack };
  if (d.variants.transcriptPanel === 'none' || d.panelTracks.length === 0 || !panels) {
    panels?.replaceChildren();
    section?.setAttribute('hidden', '');
    return null;
  }
  section?.removeAttribute('hidden');
  let panel = previous;
  if (panel && panel.layout === d.variants.transcriptPanel && panel.element.isConnected) panel.navigateTo(content);
  else {
    panel = buildTranscriptPanel(doc, d.variants.transcriptPanel, content, timing);
    panels.replaceChildren(panel.element);
  }
  wirePanelVisibility(panel, signal);
  const opened = panel;
  section?.querySelector('button')?.addEventListener('click', () => opened.element.setAttribute('visibility', VISIBILITY_EXPANDED), { signal });
  return panel;
}

function renderRelated(doc: Document, d: ReplicaPageData): void {
  const related = doc.querySelector('#secondary #related');
  if (!related) return;
  related.replaceChildren(
    ...d.related.map((r) => {
      const item = doc.createElement('ytd-compact-video-renderer');
      const a = doc.createElement('a');
      a.id = 'thumbnail';
      a.href = d.pageType === 'shorts' ? `/shorts/${r.videoId}` : `/watch?v=${r.videoId}`;
      a.textContent = r.title;
      item.append(a);
      return item;
    }),
  );
}

start(window);
