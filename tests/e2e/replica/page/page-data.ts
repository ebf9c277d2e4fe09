/**
 * What the replica server hands its own page script for one video (inline on a hard load as
 * `window.__replicaInitialData`, or from `/replica-api/page?v=ID` on SPA navigation). Replica-private: a real
 * client would not know this shape, so the extension under test must never need it.
 */
export interface ReplicaPageData {
  pageType: 'watch' | 'shorts' | 'embed' | 'browse';
  videoId: string;
  title: string;
  channelName: string;
  description: string;
  lengthSeconds: number;
  variants: {
    xpe: boolean;
    captionsOnByDefault: boolean;
    transcriptPanel: 'modern' | 'classic' | 'none';
    live: boolean;
    adAtStart: boolean;
    adSeconds: number;
    /** See ReplicaVariants.playerApi (decided by the page's first video). */
    playerApi: boolean;
    /** Chapter starts in seconds (inferred/layouts.ts draws them into the bar). */
    chapters: number[];
    /** Which progress-bar markup the player starts with (inferred/layouts.ts). */
    progressBar: 'classic' | 'line-host' | 'chaptered-host';
  };
  /** The WEB player response (what `getPlayerResponse()` returns for this video). */
  playerResponse: Record<string, unknown> & {
    captions?: { playerCaptionsTracklistRenderer: { captionTracks: WebCaptionTrack[] } };
  };
  /** The transcript panel's tracks (its language menu), each with its rows (start times only, like the real panel). */
  panelTracks: { name: string; segments: { startMs: number; text: string }[] }[];
  /** The track the panel shows first (inferred: the first uploaded one, else the first). */
  panelDefaultTrack: number;
  related: { videoId: string; title: string }[];
  mediaUrl: string;
}

export interface WebCaptionTrack {
  baseUrl: string;
  name: { simpleText: string };
  vssId: string;
  languageCode: string;
  kind?: 'asr';
  isTranslatable: boolean;
}
