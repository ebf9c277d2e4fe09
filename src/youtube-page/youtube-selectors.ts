/**
 * Everything the extension looks for on YouTube's page, in one table, each entry with where it comes from.
 * YouTube changes its markup: when a real capture disagrees, correct it HERE only (acquisition, the panel's
 * placement and the progress-bar strip all read this table; a unit test keeps every entry's provenance and
 * fails on a YouTube selector written anywhere else in `src/`).
 *
 * `seen`: the month of the newest source that shows the selector, or `inferred` when no source we hold does
 * (then `source` says what the guess rests on). `source` names a YOUTUBE-FACTS.md section (`FACTS §n`, the
 * project's summary of public code with its own citations), a fixture in tests/fixtures/youtube, or DESIGN.md.
 */
export interface PageSelector {
  /** A CSS selector (or, for `kind: 'class'` / `'attribute'`, a class or attribute name). */
  readonly css: string;
  readonly kind?: 'selector' | 'class' | 'attribute' | 'value';
  readonly seen: `${number}-${number}` | 'inferred';
  readonly source: string;
}

const sel = (css: string, seen: PageSelector['seen'], source: string, kind: PageSelector['kind'] = 'selector'): PageSelector => ({ css, kind, seen, source });

export const youtubeSelectors = {
  player: {
    /** The watch-page player root. */
    root: sel('#movie_player', '2025-12', 'FACTS §1 (asbplayer, gecko-dev youtube.js: closest("#movie_player")); fixture watch-page_web_2025-12_eF8Qqp7rjDg.html rootElementId "movie_player"'),
    /** Classes the player root carries during ads. */
    adShowing: sel('ad-showing', '2026-07', 'FACTS §6 (SponsorBlock src/content.ts updateAdFlag; code-charity player.js)', 'class'),
    adInterrupting: sel('ad-interrupting', '2026-07', 'FACTS §6 (littletechllc/privacymagic-extension youtube.js)', 'class'),
    /** The main video; `html5-main-video` is preferred, any <video> of the root otherwise (a preview's <video> lives elsewhere, FACTS §6). */
    video: sel('#movie_player video.html5-main-video, #movie_player video', 'inferred', 'FACTS §1/§6 place the video in #movie_player; the html5-main-video class is common knowledge, in no source we hold'),
    /** The Shorts player (never mapped; named so the page kind is recognised). */
    shorts: sel('#shorts-player', '2026-07', 'FACTS §6 (gecko-dev youtube.js; code-charity functions.js)'),
  },

  /** Where the progress-bar strip may go, in priority order (first visible wins), FACTS §7. */
  progressBar: {
    chapteredHost: sel('.ytChapteredProgressBarHost', '2026-07', 'FACTS §7 (SponsorBlock src/content.ts getPreviewBarAttachElement, HEAD 2026-07: newer layouts)'),
    lineHost: sel('.ytProgressBarLineHost', '2026-07', 'FACTS §7 (SponsorBlock src/content.ts getPreviewBarAttachElement, HEAD 2026-07: newer layouts)'),
    classic: sel('.ytp-progress-bar', '2026-07', 'FACTS §7 (SponsorBlock: desktop .ytp-progress-bar)'),
    /** Chapters split the bar into pieces inside this container, with gaps between them. */
    chapters: sel('.ytp-chapters-container', '2026-07', 'FACTS §7 (SponsorBlock chapter mode clones .ytp-chapters-container)'),
  },

  /** The hover preview: its own player, <video> and progress bar. Never ours. */
  hoverPreview: sel('#video-preview, ytd-video-preview', '2026-07', 'FACTS §6 (maze-utils video.ts; code-charity functions.js) and §7 (SponsorBlock "#video-preview .ytp-progress-bar")'),

  /** Where the panel goes, in priority order (DESIGN §5, §9). YouTube's watch-page tree is in no source we hold. */
  panelPlace: {
    watchPage: sel('ytd-watch-flexy', 'inferred', 'DESIGN §9 names the watch page; fixture watch-page_web_2025-12 carries the flag kevlar_watch_flexy_theater_manager, no markup'),
    below: sel('#below', 'inferred', 'DESIGN §5/§9 contract: under the player, before the title; no capture of the rendered tree'),
    title: sel('ytd-watch-metadata', 'inferred', 'DESIGN §9 ("the title block"); no capture of the rendered tree'),
    secondary: sel('#secondary', 'inferred', 'DESIGN §5/§9 fallback; no capture of the rendered tree'),
    /** Last resort: right after the player's slot (`#player`) in the primary column, so it is never over the video. */
    playerSlot: sel('#player', 'inferred', 'last resort chosen by us (documented in src/youtube-page/README.md); no capture'),
  },

  /** What the diagnostics report about the layout (presence only, never text). */
  layout: {
    delhiModern: sel('ytp-delhi-modern', '2026-07', 'FACTS §7 (SponsorBlock special-cases .ytp-delhi-modern, seen from July 2025); fixture watch-page_web_2025-12 has delhi_modern_web_player_* flags', 'class'),
    theater: sel('theater', 'inferred', 'attribute on ytd-watch-flexy; fixture watch-page_web_2025-12 has kevlar_watch_flexy_theater_manager, no markup', 'attribute'),
    fullscreen: sel('fullscreen', 'inferred', 'attribute on ytd-watch-flexy; no source we hold', 'attribute'),
    fullscreenPlayer: sel('ytp-fullscreen', 'inferred', 'class on the player root; no source we hold', 'class'),
    twoColumns: sel('is-two-columns_', 'inferred', 'attribute on ytd-watch-flexy for the wide layout; no source we hold', 'attribute'),
    miniplayer: sel('ytd-miniplayer, .miniplayer', '2026-07', 'FACTS §6 (SponsorBlock checkForMiniplayerPlaying: the video plays in .miniplayer on a non-watch URL)'),
  },

  transcript: {
    classicPanel: sel('ytd-engagement-panel-section-list-renderer[target-id="engagement-panel-searchable-transcript"]', '2026-03', 'FACTS §4 (logancyang/obsidian-copilot#2286); fixture next_web_2026-06 engagementPanels'),
    modernPanel: sel('ytd-engagement-panel-section-list-renderer[target-id="PAmodern_transcript_view"]', '2026-06', 'FACTS §4 (obsidian-copilot#2286; TimMacy/YouTubeAlchemy#54)'),
    classicSegment: sel('ytd-transcript-segment-renderer', '2026-03', 'FACTS §4 (classic panel rows)'),
    classicTimestamp: sel('.segment-timestamp', '2026-03', 'FACTS §4 (classic panel rows)'),
    classicText: sel('.segment-text', '2026-03', 'FACTS §4 (classic panel rows)'),
    modernSegment: sel('transcript-segment-view-model', '2026-06', 'FACTS §4 (modern rows, .ytwTranscriptSegmentViewModelHost)'),
    modernTimestamp: sel('.ytwTranscriptSegmentViewModelTimestamp', '2026-06', 'FACTS §4 (modern rows)'),
    /** The text span was `yt-core-attributed-string` until about Aug 2026. */
    modernText: sel('span.ytAttributedStringHost[role="text"], span.yt-core-attributed-string', '2026-08', 'FACTS §4 (obsidian-clipper#946)'),
    descriptionExpand: sel('tp-yt-paper-button#expand', '2026-06', 'FACTS §4 (vegcom/scripty-scripts auto-transcript.user.js)'),
    showTranscriptButton: sel('ytd-video-description-transcript-section-renderer button', '2026-06', 'FACTS §4 (vegcom/scripty-scripts auto-transcript.user.js)'),
    panelCloseButton: sel('#visibility-button button, button[aria-label="Close transcript"]', 'inferred', 'engagement panels have a visibility button in their header; no source we hold'),
    visibilityAttribute: sel('visibility', '2026-06', 'FACTS §4 (bowencool/Tampermonkey-Scripts youtube-show-transcript.js)', 'attribute'),
    expanded: sel('ENGAGEMENT_PANEL_VISIBILITY_EXPANDED', '2026-06', 'FACTS §4 (bowencool/Tampermonkey-Scripts youtube-show-transcript.js)', 'value'),
    hidden: sel('ENGAGEMENT_PANEL_VISIBILITY_HIDDEN', 'inferred', 'the counterpart of ..._EXPANDED; no source we hold', 'value'),
  },
} as const;

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
