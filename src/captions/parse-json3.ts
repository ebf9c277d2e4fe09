import { CaptionParseError, type Cue } from './cue';
import { normalizeCueText } from './cue-text';
import { finishCues } from './finish-cues';
import { isNormalCueText } from './is-normal-cue-text';
import { isPlainRecord } from '../schema/plain-record';

/**
 * YouTube's `fmt=json3` body (uploaded and ASR tracks).
 *
 * One event with text = one cue. Skipped: the window event (no `segs`), the `aAppend` events that only
 * carry the rolling window's "\n", and any event whose segs are all whitespace. Word segs are joined
 * (their `tOffsetMs` is finer than we need). json3 strings are plain JSON: no HTML entities to decode.
 */
export function parseJson3(body: string): Cue[] {
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CaptionParseError(`json3: invalid or truncated JSON (${detail})`, 'json3');
  }
  const events = isPlainRecord(root) ? root.events : undefined;
  if (!Array.isArray(events)) throw new CaptionParseError('json3: no "events" array', 'json3');

  const cues: Cue[] = [];
  for (const event of events as unknown[]) {
    if (!isPlainRecord(event)) continue;
    const segs = event.segs;
    if (!Array.isArray(segs) || segs.length === 0) continue; // window / style events
    const joined = joinSegs(segs as unknown[]);
    const text = isNormalCueText(joined) ? joined : normalizeCueText(joined);
    if (text === '') continue; // aAppend "\n" events and blank padding
    const startMs = finiteOr(event.tStartMs, Number.NaN);
    if (!Number.isFinite(startMs)) continue;
    const durationMs = finiteOr(event.dDurationMs, Number.NaN);
    cues.push({ startMs, endMs: startMs + durationMs, text });
  }
  return finishCues(cues);
}

/** One seg is the common case for uploaded captions; ASR has ~7 word segs, joined once per event. */
function joinSegs(segs: unknown[]): string {
  if (segs.length === 1) return segText(segs[0]);
  const parts = new Array<string>(segs.length);
  for (let i = 0; i < segs.length; i++) parts[i] = segText(segs[i]);
  return parts.join('');
}

function segText(seg: unknown): string {
  if (!isPlainRecord(seg)) return '';
  const utf8 = seg.utf8;
  return typeof utf8 === 'string' ? utf8 : '';
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

