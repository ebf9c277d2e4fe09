/**
 * A caption track as listed by the player response (`captions.playerCaptionsTracklistRenderer.captionTracks`),
 * normalised: `name` is plain text whichever shape (`simpleText` / `runs`) YouTube used.
 */
export interface CaptionTrack {
  baseUrl: string;
  languageCode: string;
  /** `asr` for auto-generated tracks; absent for uploaded ones. */
  kind?: 'asr';
  vssId: string;
  name: string;
  isTranslatable?: boolean;
}

/** The identity of a track, stable across sessions (what the cache keys on). */
export interface TrackRef {
  languageCode: string;
  kind: 'asr' | 'uploaded';
  vssId: string;
  name: string;
}

/** Strategy that delivered a caption body (DESIGN §9 `data-source`). */
export type CaptionSource = 'player' | 'direct' | 'panel';

export function toTrackRef(track: CaptionTrack): TrackRef {
  return {
    languageCode: track.languageCode,
    kind: track.kind === 'asr' || track.vssId.startsWith('a.') ? 'asr' : 'uploaded',
    vssId: track.vssId,
    name: track.name,
  };
}
