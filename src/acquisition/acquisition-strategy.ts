/**
 * One interface for every way of getting a caption body (DESIGN §3): `player` (the page's own token),
 * `direct` (clean URLs), `panel` (the transcript panel). Each returns a body or a recorded failure; none
 * throws for an expected failure, and each is bounded in time by the signal it is given.
 */
import type { CaptionSource, CaptionTrack } from '../captions/caption-track';
import type { InnertubeConfig } from '../bridge/bridge-protocol';

export type FailureOutcome =
  | 'not-needed' // the strategy does not apply (e.g. the URL carries no token gate)
  | 'empty' // HTTP 200 with an empty body (exp=xpe without pot)
  | 'html' // an HTML page instead of captions
  | 'bot-check' // LOGIN_REQUIRED / "confirm you're not a bot"
  | 'timeout'
  | 'http-error'
  | 'unavailable' // the strategy's prerequisite is missing (no token, no panel, …)
  | 'refused' // a URL failed re-validation and was not fetched
  | 'error';

export type AttemptOutcome = 'ok' | FailureOutcome;

export interface Attempt {
  strategy: CaptionSource;
  outcome: AttemptOutcome;
  detail: string;
  /** For `direct`: every player client asked (ANDROID, then ANDROID_VR after a bot check), by name. */
  clients?: ClientAttempt[];
  /** The line shown for it when `strategy: outcome (detail)` would read badly (e.g. "player: the page helper did not answer"). */
  line?: string;
}

/** One `youtubei/v1/player` request as a named client (FACTS §8). */
export interface ClientAttempt {
  client: 'ANDROID' | 'ANDROID_VR';
  outcome: AttemptOutcome;
  detail: string;
}

export interface AcquireRequest {
  videoId: string;
  track: CaptionTrack;
  /** All tracks of the current player response (direct looks for a clean twin of `track`). */
  tracks: CaptionTrack[];
  innertube: InnertubeConfig | null;
}

export type StrategyResult =
  | { ok: true; body: string; detail: string; clients?: ClientAttempt[] }
  | { ok: false; outcome: FailureOutcome; detail: string; clients?: ClientAttempt[] };

export interface AcquisitionStrategy {
  readonly name: CaptionSource;
  /**
   * `progress`: call it while work is visibly advancing (an answer came, a chunk of the body arrived); the
   * runner's timeout measures a stall from the last call, so a long body that keeps arriving is not cut.
   */
  acquire(request: AcquireRequest, signal: AbortSignal, progress?: () => void): Promise<StrategyResult>;
}

/** One line per attempt for the panel's `unavailable` state. */
export function describeAttempt(attempt: Attempt): string {
  if (attempt.line) return `${attempt.strategy}: ${attempt.line}`;
  return `${attempt.strategy}: ${attempt.outcome}${attempt.detail ? ` (${attempt.detail})` : ''}`;
}
