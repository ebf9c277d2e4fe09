/**
 * Switching captions on briefly (so that the player requests `/api/timedtext` with its `pot`) and
 * putting the user's exact state back: off stays off, a chosen track is re-selected.
 * API shapes: YOUTUBE-FACTS §1 (`loadModule('captions')`, `setOption('captions','track',{languageCode})`,
 * `setOption('captions','track',{})` turns captions off, `isSubtitlesOn`, `toggleSubtitles`).
 */
import type { MoviePlayer } from './movie-player';

export interface CaptionState {
  on: boolean;
  /** The track entry the user had selected (reported as `{}` while off by some builds). */
  track: Record<string, unknown> | null;
}

export function readCaptionState(player: MoviePlayer): CaptionState {
  let on = false;
  let track: Record<string, unknown> | null = null;
  try {
    on = player.isSubtitlesOn?.() === true;
  } catch {
    on = false;
  }
  try {
    const t = player.getOption?.('captions', 'track');
    if (t && typeof t === 'object' && typeof (t as { languageCode?: unknown }).languageCode === 'string') track = t as Record<string, unknown>;
  } catch {
    track = null;
  }
  return { on, track };
}

export function switchCaptionsOn(player: MoviePlayer, languageCode: string): void {
  try {
    player.loadModule?.('captions');
  } catch {
    /* optional */
  }
  try {
    player.setOption?.('captions', 'track', { languageCode });
  } catch {
    /* optional */
  }
  try {
    if (player.isSubtitlesOn?.() === false) (player.toggleSubtitlesOn ?? player.toggleSubtitles)?.call(player);
  } catch {
    /* optional */
  }
}

export function restoreCaptionState(player: MoviePlayer, before: CaptionState): void {
  const call = (f: () => void) => {
    try {
      f();
    } catch {
      /* best effort; the state is checked again below */
    }
  };
  if (before.on) {
    if (before.track) call(() => player.setOption?.('captions', 'track', before.track));
    if (player.isSubtitlesOn?.() === false) call(() => player.toggleSubtitles?.());
    return;
  }
  call(() => player.setOption?.('captions', 'track', {}));
  if (player.isSubtitlesOn?.() === true) call(() => player.toggleSubtitles?.());
}
