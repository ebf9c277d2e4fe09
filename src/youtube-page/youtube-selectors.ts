/**
 * Everything the extension looks for on YouTube's page, in one table, each entry with where it comes from.
 * YouTube changes its markup: when a real capture disagrees, correct it HERE only (acquisition, the panel's
 * placement and the progress-bar strip all read this table; a unit test keeps every entry's provenance and
 * fails on a YouTube selector written anywhere else in `src/`).
 *
 * Each entry's provenance is in `selectorProvenance` below, by the same name — `seen`: the month of the newest
 * source that shows the selector, or `inferred` when no source we hold does (then `source` says what the guess
 * rests on). `source` names a YOUTUBE-FACTS.md section (`FACTS §n`, the
 * project's summary of public code with its own citations), a fixture in tests/fixtures/youtube, or DESIGN.md.
 */
export interface PageSelector {
  /** A CSS selector (or, for `kind: 'class'` / `'attribute'`, a class or attribute name). */
  readonly css: string;
  readonly kind?: 'selector' | 'class' | 'attribute' | 'value';
}

/** Where an entry comes from (kept beside the table, by entry name; not shipped: only tests and notes read it). */
export interface Provenance {
  readonly seen: `${number}-${number}` | 'inferred';
  readonly source: string;
}

const sel = (css: string, kind: PageSelector['kind'] = 'selector'): PageSelector => ({ css, kind });

export const youtubeSelectors = {
  player: {
    /** The watch-page player root. */
    root: sel('#movie_player'),
    /** Classes the player root carries during ads. */
    adShowing: sel('ad-showing', 'class'),
    adInterrupting: sel('ad-interrupting', 'class'),
    /** The main video; `html5-main-video` is preferred, any <video> of the root otherwise (a preview's <video> lives elsewhere, FACTS §6). */
    video: sel('#movie_player video.html5-main-video, #movie_player video'),
    /** The Shorts player (never mapped; named so the page kind is recognised). */
    shorts: sel('#shorts-player'),
  },

  /** Where the progress-bar strip may go, in priority order (first visible wins), FACTS §7. */
  progressBar: {
    chapteredHost: sel('.ytChapteredProgressBarHost'),
    lineHost: sel('.ytProgressBarLineHost'),
    classic: sel('.ytp-progress-bar'),
    /** Chapters split the bar into pieces inside this container, with gaps between them. */
    chapters: sel('.ytp-chapters-container'),
  },

  /** The hover preview: its own player, <video> and progress bar. Never ours. */
  hoverPreview: sel('#video-preview, ytd-video-preview'),

  /** Where the panel goes, in priority order (DESIGN §5, §9). YouTube's watch-page tree is in no source we hold. */
  panelPlace: {
    watchPage: sel('ytd-watch-flexy'),
    below: sel('#below'),
    title: sel('ytd-watch-metadata'),
    secondary: sel('#secondary'),
    /** Last resort: right after the player's slot (`#player`) in the primary column, so it is never over the video. */
    playerSlot: sel('#player'),
  },

  /** What the diagnostics report about the layout (presence only, never text). */
  layout: {
    delhiModern: sel('ytp-delhi-modern', 'class'),
    theater: sel('theater', 'attribute'),
    fullscreen: sel('fullscreen', 'attribute'),
    fullscreenPlayer: sel('ytp-fullscreen', 'class'),
    twoColumns: sel('is-two-columns_', 'attribute'),
    miniplayer: sel('ytd-miniplayer, .miniplayer'),
  },

  transcript: {
    classicPanel: sel('ytd-engagement-panel-section-list-renderer[target-id="engagement-panel-searchable-transcript"]'),
    modernPanel: sel('ytd-engagement-panel-section-list-renderer[target-id="PAmodern_transcript_view"]'),
    classicSegment: sel('ytd-transcript-segment-renderer'),
    classicTimestamp: sel('.segment-timestamp'),
    classicText: sel('.segment-text'),
    modernSegment: sel('transcript-segment-view-model'),
    modernTimestamp: sel('.ytwTranscriptSegmentViewModelTimestamp'),
    /** The text span was `yt-core-attributed-string` until about Aug 2026. */
    modernText: sel('span.ytAttributedStringHost[role="text"], span.yt-core-attributed-string'),
    descriptionExpand: sel('tp-yt-paper-button#expand'),
    showTranscriptButton: sel('ytd-video-description-transcript-section-renderer button'),
    panelCloseButton: sel('#visibility-button button, button[aria-label="Close transcript"]'),
    /** One entry of the panel's language menu, named as the track is (`captionTracks[].name`); the shown one is `aria-selected="true"`. */
    languageItem: sel('ytd-transcript-footer-renderer tp-yt-paper-item'),
    visibilityAttribute: sel('visibility', 'attribute'),
    expanded: sel('ENGAGEMENT_PANEL_VISIBILITY_EXPANDED', 'value'),
    hidden: sel('ENGAGEMENT_PANEL_VISIBILITY_HIDDEN', 'value'),
  },
} as const;

/**
 * The provenance of every entry of the table, by its dotted name (a unit test keeps the two in step). A separate
 * object so that the content script, which imports only `youtubeSelectors`, does not carry these sentences.
 */
export const selectorProvenance: Readonly<Record<string, Provenance>> = {
  'player.root': { seen: '2025-12', source: 'FACTS §1 (asbplayer, gecko-dev youtube.js: closest("#movie_player")); fixture watch-page_web_2025-12_eF8Qqp7rjDg.html rootElementId "movie_player"' },
  'player.adShowing': { seen: '2026-07', source: 'FACTS §6 (SponsorBlock src/content.ts updateAdFlag; code-charity player.js)' },
  'player.adInterrupting': { seen: '2026-07', source: 'FACTS §6 (littletechllc/privacymagic-extension youtube.js)' },
  'player.video': { seen: 'inferred', source: 'FACTS §1/§6 place the video in #movie_player; the html5-main-video class is common knowledge, in no source we hold' },
  'player.shorts': { seen: '2026-07', source: 'FACTS §6 (gecko-dev youtube.js; code-charity functions.js)' },
  'progressBar.chapteredHost': { seen: '2026-07', source: 'FACTS §7 (SponsorBlock src/content.ts getPreviewBarAttachElement, HEAD 2026-07: newer layouts)' },
  'progressBar.lineHost': { seen: '2026-07', source: 'FACTS §7 (SponsorBlock src/content.ts getPreviewBarAttachElement, HEAD 2026-07: newer layouts)' },
  'progressBar.classic': { seen: '2026-07', source: 'FACTS §7 (SponsorBlock: desktop .ytp-progress-bar)' },
  'progressBar.chapters': { seen: '2026-07', source: 'FACTS §7 (SponsorBlock chapter mode clones .ytp-chapters-container)' },
  'hoverPreview': { seen: '2026-07', source: 'FACTS §6 (maze-utils video.ts; code-charity functions.js) and §7 (SponsorBlock "#video-preview .ytp-progress-bar")' },
  'panelPlace.watchPage': { seen: 'inferred', source: 'DESIGN §9 names the watch page; fixture watch-page_web_2025-12 carries the flag kevlar_watch_flexy_theater_manager, no markup' },
  'panelPlace.below': { seen: 'inferred', source: 'DESIGN §5/§9 contract: under the player, before the title; no capture of the rendered tree' },
  'panelPlace.title': { seen: 'inferred', source: 'DESIGN §9 ("the title block"); no capture of the rendered tree' },
  'panelPlace.secondary': { seen: 'inferred', source: 'DESIGN §5/§9 fallback; no capture of the rendered tree' },
  'panelPlace.playerSlot': { seen: 'inferred', source: 'last resort chosen by us (documented in src/youtube-page/README.md); no capture' },
  'layout.delhiModern': { seen: '2026-07', source: 'FACTS §7 (SponsorBlock special-cases .ytp-delhi-modern, seen from July 2025); fixture watch-page_web_2025-12 has delhi_modern_web_player_* flags' },
  'layout.theater': { seen: 'inferred', source: 'attribute on ytd-watch-flexy; fixture watch-page_web_2025-12 has kevlar_watch_flexy_theater_manager, no markup' },
  'layout.fullscreen': { seen: 'inferred', source: 'attribute on ytd-watch-flexy; no source we hold' },
  'layout.fullscreenPlayer': { seen: 'inferred', source: 'class on the player root; no source we hold' },
  'layout.twoColumns': { seen: 'inferred', source: 'attribute on ytd-watch-flexy for the wide layout; no source we hold' },
  'layout.miniplayer': { seen: '2026-07', source: 'FACTS §6 (SponsorBlock checkForMiniplayerPlaying: the video plays in .miniplayer on a non-watch URL)' },
  'transcript.classicPanel': { seen: '2026-03', source: 'FACTS §4 (logancyang/obsidian-copilot#2286); fixture next_web_2026-06 engagementPanels' },
  'transcript.modernPanel': { seen: '2026-06', source: 'FACTS §4 (obsidian-copilot#2286; TimMacy/YouTubeAlchemy#54)' },
  'transcript.classicSegment': { seen: '2026-03', source: 'FACTS §4 (classic panel rows)' },
  'transcript.classicTimestamp': { seen: '2026-03', source: 'FACTS §4 (classic panel rows)' },
  'transcript.classicText': { seen: '2026-03', source: 'FACTS §4 (classic panel rows)' },
  'transcript.modernSegment': { seen: '2026-06', source: 'FACTS §4 (modern rows, .ytwTranscriptSegmentViewModelHost)' },
  'transcript.modernTimestamp': { seen: '2026-06', source: 'FACTS §4 (modern rows)' },
  'transcript.modernText': { seen: '2026-08', source: 'FACTS §4 (obsidian-clipper#946)' },
  'transcript.descriptionExpand': { seen: '2026-06', source: 'FACTS §4 (vegcom/scripty-scripts auto-transcript.user.js)' },
  'transcript.showTranscriptButton': { seen: '2026-06', source: 'FACTS §4 (vegcom/scripty-scripts auto-transcript.user.js)' },
  'transcript.panelCloseButton': { seen: 'inferred', source: 'engagement panels have a visibility button in their header; no source we hold' },
  'transcript.languageItem': { seen: 'inferred', source: 'the panel\'s language menu (footer dropdown of track names); no source we hold describes its markup' },
  'transcript.visibilityAttribute': { seen: '2026-06', source: 'FACTS §4 (bowencool/Tampermonkey-Scripts youtube-show-transcript.js)' },
  'transcript.expanded': { seen: '2026-06', source: 'FACTS §4 (bowencool/Tampermonkey-Scripts youtube-show-transcript.js)' },
  'transcript.hidden': { seen: 'inferred', source: 'the counterpart of ..._EXPANDED; no source we hold' },
};

/** Every entry of the table, with its dotted name (for the provenance test and the diagnostics). */
export function allSelectors(): { name: string; selector: PageSelector }[] {
  const out: { name: string; selector: PageSelector }[] = [];
  const walk = (prefix: string, node: object) => {
    for (const [key, value] of Object.entries(node)) {
      const name = prefix ? `${prefix}.${key}` : key;
      if (value && typeof value === 'object' && 'css' in value) out.push({ name, selector: value as PageSelector });
      else if (value && typeof value === 'object') walk(name, value);
    }
  };
  walk('', youtubeSelectors);
  return out;
}
