import type { Cue } from './cue';

/**
 * The last step of every parser: cues in start order, none ending after the next one starts.
 *
 * Why clip: YouTube's ASR windows roll, so each event is displayed until the line after next replaces it
 * (json3/srv1 cues overlap their successor almost always). Downstream a cue's span means "when this was
 * said", so a span that runs into the next cue would double-count time.
 *
 * A cue whose `endMs` is not finite (srv2/srv3 without `d`) ends where the next one starts, or at its own
 * start when it is last. The input array is reused; cues are mutated in place.
 */
export function finishCues(cues: Cue[]): Cue[] {
  if (!isSortedByStart(cues)) cues.sort((a, b) => a.startMs - b.startMs); // Array#sort is stable.
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i]!;
    const next = cues[i + 1];
    if (!Number.isFinite(cue.endMs)) cue.endMs = next ? next.startMs : cue.startMs;
    if (next && next.startMs > cue.startMs && cue.endMs > next.startMs) cue.endMs = next.startMs;
    if (cue.endMs < cue.startMs) cue.endMs = cue.startMs;
  }
  return cues;
}

function isSortedByStart(cues: readonly Cue[]): boolean {
  for (let i = 1; i < cues.length; i++) if (cues[i]!.startMs < cues[i - 1]!.startMs) return false;
  return true;
}
