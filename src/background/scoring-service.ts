import { isMachineTranslated, type TrackRef } from '../captions/caption-track';
import { CaptionParseError, type Cue, type ParsedCaptions } from '../captions/cue';
import { cacheKey, episodeKey } from '../cache/cache-key';
import type { CaptionKind } from '../cache/cache-schema';
import type { PerspectiveCache } from '../cache/open-cache';
import type { Lexicon } from '../lexicons/lexicon';
import { MessageError } from '../messaging/message-error';
import type { MapAnswer, MessageArgs, ScoreTarget, TranscriptPage } from '../messaging/protocol';
import type { PerspectiveMap } from '../scoring/perspective-map';
import type { TermHit } from '../scoring/term-hits';
import { transcriptPages, type TranscriptPages } from './transcript-pages';
import type { CompiledMatcher } from '../scoring/compile-matcher';
import type { Settings } from '../settings/settings-schema';
import { createMatcherMemo } from './matcher-memo';
import { createUploadStore, type UploadStoreOptions } from './upload-store';

/**
 * The background's one job: caption body (or cached cues) + the current settings → a perspective map,
 * cached. Every dependency is passed in, so the same service runs over the real parser, scorer and idb in
 * the worker, and over fake-indexeddb in tests and the benchmark.
 *
 * Restart-proof by construction: settings are read on every request and everything worth keeping goes to
 * IndexedDB before the answer; the in-flight map below only saves duplicate work while this instance lives.
 */
export interface ScoringServiceDeps {
  /** Opens the cache; called lazily, again after a failure (the worker may have lost its connection). */
  openCache: () => Promise<PerspectiveCache>;
  readSettings: () => Promise<Settings>;
  parseCaptions: (body: string) => ParsedCaptions;
  scoreCues: (
    cues: Cue[],
    options: {
      lexicons: Lexicon[];
      videoId?: string;
      captionKind?: CaptionKind;
      machineTranslated?: boolean;
      onProgress?: (fraction: number) => void;
      matcher?: CompiledMatcher;
    },
  ) => PerspectiveMap;
  /** scoreCues plus every counted term's place in the cue text (src/scoring/term-hits.ts), for the transcript drawer. */
  scoreCuesWithHits: (
    cues: Cue[],
    options: { lexicons: Lexicon[]; videoId?: string; captionKind?: CaptionKind },
  ) => { map: PerspectiveMap; hits: TermHit[] };
  /**
   * Compiles a lexicon set's matcher; the service keeps the last few by lexicon hash (matcher-memo.ts). Without
   * it, `scoreCues` compiles on every call.
   */
  compileMatcher?: (lexicons: readonly Lexicon[]) => CompiledMatcher;
  resolveLexicons: (enabledIds: string[], custom: Lexicon[]) => { lexicons: Lexicon[]; unknown: string[] };
  lexiconSetHash: (lexicons: readonly Lexicon[]) => string;
  scorerVersion: string;
  /** Delivers a progress message to a tab (bg-cs:progress); failures are ignored (the tab may have gone). */
  sendProgress?: (tabId: number, args: MessageArgs<'bg-cs:progress'>) => Promise<unknown>;
  /** Bodies at least this long report progress (shorter ones finish before a bar would show). */
  progressMinChars?: number;
  log?: Pick<Console, 'warn'>;
  /** Limits and timers of the chunked-upload store (defaults: 60 s idle expiry, 4 uploads at once). */
  uploads?: UploadStoreOptions;
}

/**
 * Who asks. A tab in a private (incognito) window leaves nothing on disk and reads nothing from it: the cache is
 * shared with normal windows and lasts, and even a read updates its recency. Its episode is scored from the body
 * every time and kept in this instance's memory only (for its transcript), like any episode the cache refused.
 */
export interface Requester {
  tabId?: number;
  private?: boolean;
}

export interface ScoringService {
  /** A map for the episode under the current settings from the cache, or re-scored from cached cues; null = send the body (always, for a private tab). */
  lookup(args: MessageArgs<'cs-bg:lookup'>, requester?: Requester): Promise<MapAnswer | null>;
  /** Holds one chunk of a body that a later `score({ uploadId })` takes (rejects with a coded MessageError). */
  uploadChunk(args: MessageArgs<'cs-bg:uploadChunk'>): { received: number };
  /**
   * Parses and scores a caption body (inline, or an upload this instance holds), caches cues + map (not for a
   * private tab), answers the map. Rejects with a user-readable message; an upload this instance does not hold →
   * MessageError `unknown-upload`.
   */
  score(args: MessageArgs<'cs-bg:score'>, requester?: Requester): Promise<MapAnswer>;
  /**
   * A page of the episode's cues for the transcript drawer, with slices and counted terms under the current
   * lexicons. Rejects with MessageError `no-transcript` when neither the cache nor this instance holds the cues.
   */
  transcript(args: MessageArgs<'cs-bg:transcript'>, requester?: Requester): Promise<TranscriptPage>;
  clearCache(): Promise<{ cleared: number }>;
  cacheStats(): Promise<{ episodes: number; bytes: number }>;
}

export const DEFAULT_PROGRESS_MIN_CHARS = 256 * 1024;

/** Overall progress is reported as one fraction of the whole job: parse, then score, then store. */
const PHASE_SPAN = { parse: [0, 0.15], score: [0.15, 0.95], store: [0.95, 1] } as const;

export function createScoringService(deps: ScoringServiceDeps): ScoringService {
  const log = deps.log ?? console;
  const progressMinChars = deps.progressMinChars ?? DEFAULT_PROGRESS_MIN_CHARS;
  /** Map key → the job computing it. Scoped to this instance; losing it (worker restart) only costs duplicate work. */
  const inFlight = new Map<string, Promise<MapAnswer>>();
  let cachePromise: Promise<PerspectiveCache> | null = null;
  /** Bodies arriving in chunks; per instance, so a restarted worker holds none (and says so). */
  const uploads = createUploadStore(deps.uploads);
  /**
   * The cues this instance parsed last (episode key → cues), so the drawer still reads an episode the cache
   * did not store (too large, quota). Bounded; a restarted worker holds none and the cache answers instead.
   */
  const recentCues = new Map<string, { cues: Cue[]; captionKind: CaptionKind }>();
  /** Scored transcripts being paged (map key → pages): the drawer asks for many pages in a row. Bounded. */
  const transcripts = new Map<string, Promise<TranscriptPages>>();
  /** Compiled matchers by lexicon hash; per instance like the uploads. */
  const matchers = deps.compileMatcher ? createMatcherMemo(deps.compileMatcher) : null;

  /** Runs `use` against the cache; any cache failure is logged and answers `fallback` (the map is still shown). */
  async function withCache<T>(use: (cache: PerspectiveCache) => Promise<T>, fallback: T): Promise<T> {
    try {
      cachePromise ??= deps.openCache();
      return await use(await cachePromise);
    } catch (err) {
      log.warn('[perspective-map] cache unavailable; continuing without it', err);
      cachePromise = null; // reopen on the next request
      return fallback;
    }
  }

  /** Read on every request: the popup may have changed the lexicons, and this worker may be brand new. */
  async function currentLexicons() {
    const settings = await deps.readSettings();
    const { lexicons, unknown } = deps.resolveLexicons(settings.enabledLexicons, settings.customLexicons);
    if (unknown.length > 0) log.warn('[perspective-map] enabled lexicons not found, ignored:', unknown.join(', '));
    return { lexicons, lexiconHash: deps.lexiconSetHash(lexicons), drawerOpen: settings.transcriptOpen === true };
  }

  /** The paged transcript for an episode under these lexicons: built once per instance (≤ 2 kept). */
  function transcriptFor(videoId: string, track: TrackRef, lexicons: Lexicon[], lexiconHash: string, isPrivate: boolean): Promise<TranscriptPages> {
    const key = `${isPrivate ? 'private:' : ''}${cacheKey(videoId, track, lexiconHash, deps.scorerVersion)}`;
    let pages = transcripts.get(key);
    if (!pages) {
      pages = (async () => {
        const held = recentCues.get(episodeKey(videoId, track)) ?? (isPrivate ? null : await withCache((cache) => cache.getCues(videoId, track), null));
        if (!held) throw new MessageError('The transcript is not held any more: reload the page to read it.', 'no-transcript');
        const { map, hits } = deps.scoreCuesWithHits(held.cues, { lexicons, videoId, captionKind: held.captionKind });
        return transcriptPages(held.cues, map, hits);
      })();
      remember(transcripts, key, pages, RECENT_TRANSCRIPTS);
      pages.catch(() => transcripts.delete(key));
    }
    return pages;
  }

  /**
   * When the user keeps the drawer open, its first page will be asked for right after the map: build the paged
   * transcript now, after the answer has gone, so the drawer's first rows do not wait for a re-score.
   */
  function warmTranscript(drawerOpen: boolean, videoId: string, track: TrackRef, lexicons: Lexicon[], lexiconHash: string, isPrivate: boolean): void {
    if (!drawerOpen) return;
    setTimeout(() => void transcriptFor(videoId, track, lexicons, lexiconHash, isPrivate).catch(() => undefined), 0);
  }

  function once(key: string, job: () => Promise<MapAnswer>): Promise<MapAnswer> {
    const running = inFlight.get(key);
    if (running) return running;
    const promise = job().finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  }

  return {
    async lookup({ videoId, track }, requester) {
      if (requester?.private) return null;
      const { lexicons, lexiconHash, drawerOpen } = await currentLexicons();
      const key = cacheKey(videoId, track, lexiconHash, deps.scorerVersion);
      const running = inFlight.get(key);
      if (running) return running.catch(() => null);

      const locator = { videoId, track, lexiconHash, scorerVersion: deps.scorerVersion };
      const hit = await withCache((cache) => cache.getMap(locator), null);
      if (hit) {
        warmTranscript(drawerOpen, videoId, track, lexicons, lexiconHash, false);
        return { map: hit.map, origin: 'cache', ...(hit.source ? { source: hit.source } : {}) };
      }
      const cached = await withCache((cache) => cache.getCues(videoId, track), null);
      if (!cached) return null;
      // A lexicon change (or a new scorer): re-score the cached cues; no caption fetch needed.
      return once(key, async () => {
        const matcher = matchers?.get(lexicons, lexiconHash);
        const machineTranslated = isMachineTranslated(track);
        const rescored = deps.scoreCues(cached.cues, { lexicons, videoId, captionKind: cached.captionKind, machineTranslated, matcher });
        const source = cached.source;
        await store({ videoId, track, map: { lexiconHash, scorerVersion: deps.scorerVersion, map: rescored, ...(source ? { source } : {}) } });
        return { map: rescored, origin: 'cues', ...(source ? { source } : {}) };
      });
    },

    uploadChunk: (args) => uploads.put(args),

    async score(args, requester) {
      // Taken first (synchronously), so the upload is dropped even when an identical job is already running.
      const body = args.uploadId !== undefined ? uploads.take(args.uploadId) : args.body;
      const { videoId, track, source, requestId } = args;
      const { lexicons, lexiconHash, drawerOpen } = await currentLexicons();
      const isPrivate = requester?.private === true;
      // A private job is its own: a normal window's request must not get a map that was never stored, nor the reverse.
      const key = `${isPrivate ? 'private:' : ''}${cacheKey(videoId, track, lexiconHash, deps.scorerVersion)}`;
      const answer = await once(key, () => scoreBody({ videoId, track, source, requestId }, body, requester?.tabId, lexicons, lexiconHash, !isPrivate));
      warmTranscript(drawerOpen, videoId, track, lexicons, lexiconHash, isPrivate);
      return answer;
    },

    async transcript({ videoId, track, from, count }, requester) {
      const { lexicons, lexiconHash } = await currentLexicons();
      return (await transcriptFor(videoId, track, lexicons, lexiconHash, requester?.private === true)).page(from, count);
    },

    clearCache: async () => ({ cleared: await withCache((cache) => cache.clear(), 0) }),
    cacheStats: () => withCache((cache) => cache.stats(), { episodes: 0, bytes: 0 }),
  };

  async function scoreBody(
    { videoId, track, source, requestId }: ScoreTarget,
    body: string,
    tabId: number | undefined,
    lexicons: Lexicon[],
    lexiconHash: string,
    keep: boolean,
  ): Promise<MapAnswer> {
    const report = progressReporter(tabId !== undefined && body.length >= progressMinChars ? tabId : undefined, requestId);
    report('parse', 0);
    const parsed = parseBody(body);
    report('parse', 1);
    remember(recentCues, episodeKey(videoId, track), { cues: parsed.cues, captionKind: source === 'panel' ? 'panel' : track.kind }, RECENT_TRANSCRIPTS);
    await yieldToEvents(); // lets the progress message leave before the (synchronous) scorer runs
    const captionKind: CaptionKind = source === 'panel' ? 'panel' : track.kind;
    const machineTranslated = isMachineTranslated(track);
    let map: PerspectiveMap;
    try {
      map = deps.scoreCues(parsed.cues, {
        lexicons,
        matcher: matchers?.get(lexicons, lexiconHash),
        videoId,
        captionKind,
        machineTranslated,
        onProgress: (fraction) => report('score', fraction),
      });
    } catch (err) {
      throw new Error(`Scoring failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    report('store', 0);
    if (keep) {
      await store({
        videoId,
        track,
        cues: { format: parsed.format, captionKind, cues: parsed.cues, source },
        map: { lexiconHash, scorerVersion: deps.scorerVersion, map, source },
      });
    }
    report('store', 1);
    return { map, origin: 'scored', source };
  }

  function parseBody(body: string): ParsedCaptions {
    let parsed: ParsedCaptions;
    try {
      parsed = deps.parseCaptions(body);
    } catch (err) {
      const reason = err instanceof CaptionParseError || err instanceof Error ? err.message : String(err);
      throw new Error(`The caption file could not be read: ${reason}`);
    }
    if (parsed.cues.length === 0) throw new Error('The caption file could not be read: it has no caption text');
    return parsed;
  }

  async function store(write: { videoId: string; track: TrackRef } & Parameters<PerspectiveCache['storeEpisode']>[0]) {
    const outcome = await withCache((cache) => cache.storeEpisode(write), null);
    // storeEpisode logs quota and other failures itself; the map is answered either way.
    return outcome;
  }

  function progressReporter(tabId: number | undefined, requestId: string) {
    let last = -1;
    return (phase: keyof typeof PHASE_SPAN, fraction: number) => {
      if (tabId === undefined || !deps.sendProgress) return;
      const [from, to] = PHASE_SPAN[phase];
      const overall = Math.min(1, Math.max(0, from + (to - from) * fraction));
      if (overall < last + 0.01 && overall < 1) return; // monotonic, and no flood of tiny steps
      last = overall;
      deps.sendProgress(tabId, { requestId, phase, fraction: overall }).catch(() => {
        // The tab navigated or closed: nobody is waiting for this progress.
      });
    };
  }
}

/** Episodes whose cues / paged transcripts one worker instance keeps in memory (the open tab and one more). */
const RECENT_TRANSCRIPTS = 2;

/** Sets `key` as the newest entry, dropping the oldest beyond `limit`. */
function remember<V>(entries: Map<string, V>, key: string, value: V, limit: number): void {
  entries.delete(key);
  entries.set(key, value);
  while (entries.size > limit) entries.delete(entries.keys().next().value as string);
}

function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
