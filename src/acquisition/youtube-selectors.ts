/**
 * Every YouTube DOM selector the extension relies on, with the evidence for each (YOUTUBE-FACTS.md
 * sections). YouTube changes its markup: when a real capture disagrees, correct it HERE only.
 */
export const youtubeSelectors = {
  /** The watch-page player root; gets `ad-showing` / `ad-interrupting` during ads (§6). */
  player: '#movie_player',
  adShowingClasses: ['ad-showing', 'ad-interrupting'],
  /** The main video element (a hover preview adds a second <video> in #video-preview, §6 — not ours). */
  video: '#movie_player video.html5-main-video, #movie_player video',

  transcript: {
    /** Classic panel (§4): engagement panel with this target-id. */
    classicPanel: 'ytd-engagement-panel-section-list-renderer[target-id="engagement-panel-searchable-transcript"]',
    /** Modern panel (§4): target-id PAmodern_transcript_view (present but hidden from page load). */
    modernPanel: 'ytd-engagement-panel-section-list-renderer[target-id="PAmodern_transcript_view"]',
    /** Classic rows and their parts (§4). */
    classicSegment: 'ytd-transcript-segment-renderer',
    classicTimestamp: '.segment-timestamp',
    classicText: '.segment-text',
    /** Modern rows and their parts (§4); the text span was `yt-core-attributed-string` until ~Aug 2026. */
    modernSegment: 'transcript-segment-view-model',
    modernTimestamp: '.ytwTranscriptSegmentViewModelTimestamp',
    modernText: 'span.ytAttributedStringHost[role="text"], span.yt-core-attributed-string',
    /** Opening (§4): expand the description, then "Show transcript". */
    descriptionExpand: 'tp-yt-paper-button#expand',
    showTranscriptButton: 'ytd-video-description-transcript-section-renderer button',
    /** The panel's own close button (engagement panels have a visibility button in their header). */
    panelCloseButton: '#visibility-button button, button[aria-label="Close transcript"]',
    /** Alternative opening/closing (§4): the panel's `visibility` attribute. */
    visibilityAttribute: 'visibility',
    expanded: 'ENGAGEMENT_PANEL_VISIBILITY_EXPANDED',
    hidden: 'ENGAGEMENT_PANEL_VISIBILITY_HIDDEN',
  },

  /** Panel placement (DESIGN §5): under the player, before the title; fallback the sidebar. */
  panelAnchor: '#below',
  panelAnchorFallback: '#secondary',
} as const;
