/**
 * The watch-page content script's half of the protocol (protocol.ts is the whole): the schemas of every message it
 * sends (`cs-bg:*`: args, checked before sending, and answers, checked on arrival) and the args of every message it
 * receives (`bg-cs:*`, `ui-cs:*`: checked on arrival). The answers of the messages it receives are checked by their
 * senders (the background, the popup), never here — so the popup's `ui-cs:summary` answer (the diagnostics record)
 * and the `ui-bg:*` messages stay out of the content script's bundle (DESIGN §9.1 budget).
 *
 * protocol.ts builds PROTOCOL from these very entries (tests/unit/messaging/content-script-protocol.test.ts checks
 * that they are the same objects); a message the content script sends or receives is added here first.
 */
import * as v from 'valibot';
import { CaptionSourceSchema, TrackRefSchema } from '../captions/caption-track';
import { PerspectiveMapSchema } from '../scoring/perspective-map';
import { VideoIdSchema } from '../schema/video-id';
import { ChannelBaselineSchema, videoDetailsSchema } from '../library/library-schema';
import type { ContentScriptMessageType } from './message-directions';

/** Largest caption body accepted (characters). The longest real bodies seen are ~15 MB; 64 MB leaves room. */
export const MAX_BODY_CHARS = 64 * 1024 * 1024;
/** Largest piece of an upload (characters). Senders use half of it (UPLOAD_CHUNK_CHARS in src/content). */
export const MAX_CHUNK_CHARS = 2 * 1024 * 1024;
/** Most pieces one upload may have (64 × 1 MiB covers MAX_BODY_CHARS at the senders' chunk size). */
export const MAX_UPLOAD_CHUNKS = 64;

/** Machine-readable reasons a message failed (carried by a failed answer and by `MessageError` on the sending side). */
export const MessageErrorCodeSchema = v.picklist([
  /** The worker does not hold this upload (it was restarted, or the upload expired): upload again. */
  'unknown-upload',
  /** A chunk broke the upload's rules (index, count, size, order); the upload is dropped. */
  'bad-upload',
  /** The message got no answer: the receiving context closed its channel (e.g. the worker stopped mid-job). */
  'no-answer',
  /** The transport failed because the receiving end is gone (worker stopped, nobody listening). */
  'receiver-gone',
  /** An answer arrived but broke its schema (a bug, or a context from another build): not used. */
  'bad-answer',
  /** The worker holds no cues for this episode (not cached, e.g. too large, and not scored by this instance). */
  'no-transcript',
]);
export type MessageErrorCode = v.InferOutput<typeof MessageErrorCodeSchema>;

/**
 * A failed answer may carry a `code` the sender can act on (e.g. re-upload after `unknown-upload`); the `error`
 * sentence is always there for people.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; code?: MessageErrorCode };

const RequestIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(128));
const UploadIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(128), v.regex(/^[A-Za-z0-9_-]+$/, 'not a valid upload id'));
export const CountSchema = v.pipe(v.number(), v.integer(), v.minValue(0));
/** No args (`{}`), and the answer of a message that answers nothing (the transport sends `null`). */
export const NoArgsSchema = v.strictObject({});
export const NoAnswerSchema = v.pipe(
  v.null(),
  v.transform((): void => undefined),
);

/** What is scored, apart from the body itself. */
const ScoreTargetEntries = {
  videoId: VideoIdSchema,
  track: TrackRefSchema,
  source: CaptionSourceSchema,
  requestId: RequestIdSchema,
  /** What the page says about the video (the episode library's display text; never trusted for anything else). */
  details: v.optional(videoDetailsSchema),
};
export type ScoreTarget = v.InferOutput<v.StrictObjectSchema<typeof ScoreTargetEntries, undefined>>;

/**
 * `cs-bg:score`: the body inline (`body`, small ones) or sent before in chunks (`uploadId`) — exactly one of them.
 * A 15 MB body is only type- and length-checked (O(1)), never scanned or copied.
 */
const ScoreRequestSchema = v.pipe(
  v.strictObject({
    ...ScoreTargetEntries,
    body: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_BODY_CHARS))),
    uploadId: v.optional(UploadIdSchema),
  }),
  v.check((args) => (args.body === undefined) !== (args.uploadId === undefined), 'give either "body" or "uploadId" (exactly one)'),
  v.transform((args) => args as ScoreTarget & ({ body: string; uploadId?: never } | { uploadId: string; body?: never })),
);
export type ScoreRequest = v.InferOutput<typeof ScoreRequestSchema>;

const UploadChunkSchema = v.pipe(
  v.strictObject({
    uploadId: UploadIdSchema,
    /** 0-based; chunks arrive in order. */
    index: v.pipe(CountSchema, v.maxValue(MAX_UPLOAD_CHUNKS - 1)),
    /** Number of chunks in the whole upload (the same on every chunk). */
    count: v.pipe(CountSchema, v.minValue(1), v.maxValue(MAX_UPLOAD_CHUNKS)),
    /** Consecutive UTF-16 code units of the body (a surrogate pair may be split between chunks: they are rejoined).
     * May be empty only when the whole body is (count 1); bodies themselves are checked when scored. */
    chunk: v.pipe(v.string(), v.maxLength(MAX_CHUNK_CHARS)),
  }),
  v.forward(
    v.check((args) => args.index < args.count, (issue) => `${String((issue.input as { index: number }).index)} is not below count`),
    ['index'],
  ),
);
export type UploadChunkArgs = v.InferOutput<typeof UploadChunkSchema>;

/** Where a map came from: the cache as stored, re-scored from cached cues (no caption fetch), or freshly scored. */
export const MapOriginSchema = v.picklist(['cache', 'cues', 'scored']);
export type MapOrigin = v.InferOutput<typeof MapOriginSchema>;

const MapAnswerSchema = v.object({
  map: PerspectiveMapSchema,
  origin: MapOriginSchema,
  /** The strategy that delivered the captions the map was scored from (kept with the cache; absent if unknown). */
  source: v.optional(CaptionSourceSchema),
  /**
   * Where this episode sits against the user's other mapped episodes of its channel (the episode library), when
   * there are enough of them; absent otherwise (also in private windows and when the library cannot be read).
   */
  baseline: v.optional(ChannelBaselineSchema),
});
export type MapAnswer = v.InferOutput<typeof MapAnswerSchema>;

/** Most cues one cs-bg:transcript page may ask for (a page of real cues stays well under a megabyte). */
export const MAX_TRANSCRIPT_PAGE_CUES = 2000;
/** Longest cue text a transcript page carries (real cues are a line or two; a malformed one is not drawn). */
const MAX_CUE_TEXT = 10_000;
const MsSchema = v.pipe(v.number(), v.finite(), v.minValue(0));

const TranscriptArgsSchema = v.strictObject({
  videoId: VideoIdSchema,
  track: TrackRefSchema,
  /** Index of the first cue wanted (0-based). */
  from: v.pipe(CountSchema, v.maxValue(10_000_000)),
  count: v.pipe(CountSchema, v.minValue(1), v.maxValue(MAX_TRANSCRIPT_PAGE_CUES)),
});
export type TranscriptArgs = v.InferOutput<typeof TranscriptArgsSchema>;

/** A counted term inside one cue: chars [start, end) of the cue's text, with what it contributed. */
const TranscriptMarkSchema = v.object({
  start: CountSchema,
  end: CountSchema,
  term: v.pipe(v.string(), v.maxLength(200)),
  /** Signed, after modifiers, summed over the lexicons that counted it (2 decimals). */
  contribution: v.pipe(v.number(), v.finite()),
});
export type TranscriptMark = v.InferOutput<typeof TranscriptMarkSchema>;

/** One caption segment as the drawer shows it. `text` is caption text: render it as text only. */
const TranscriptCueSchema = v.object({
  text: v.pipe(v.string(), v.maxLength(MAX_CUE_TEXT)),
  startMs: MsSchema,
  endMs: MsSchema,
  slice: CountSchema,
  marks: v.array(TranscriptMarkSchema),
});
export type TranscriptCue = v.InferOutput<typeof TranscriptCueSchema>;

/**
 * A page's cue, checked against TranscriptCueSchema and kept as received: `v.object` answers a fresh copy of every
 * cue and mark, and the drawer keeps every cue, so a 100,000-cue transcript was allocated twice (a ~120 ms garbage
 * collection while the drawer opened). `v.is` runs the same checks; its copy is dropped at once.
 */
const CheckedCueSchema = v.custom<TranscriptCue>(
  (input) => v.is(TranscriptCueSchema, input),
  'not a transcript cue (text ≤ 10,000 characters, startMs, endMs, slice, marks with start, end, term, contribution)',
);

const TranscriptPageSchema = v.object({
  /** Cues in the whole transcript. */
  total: CountSchema,
  from: CountSchema,
  cues: v.pipe(v.array(CheckedCueSchema), v.maxLength(MAX_TRANSCRIPT_PAGE_CUES)),
});
export type TranscriptPage = v.InferOutput<typeof TranscriptPageSchema>;

const LookupArgsSchema = v.strictObject({ videoId: VideoIdSchema, track: TrackRefSchema, details: v.optional(videoDetailsSchema) });
export type LookupArgs = v.InferOutput<typeof LookupArgsSchema>;

/** One message's schemas as one context holds them: the args always; the answer where this context checks it. */
export interface MessageSchemas {
  args: v.GenericSchema;
  answer?: v.GenericSchema;
}

export const CONTENT_SCRIPT_PROTOCOL = {
  /** Is there a map (or cached cues to re-score) for this video + track under the current settings? null = fetch captions. */
  'cs-bg:lookup': { args: LookupArgsSchema, answer: v.nullable(MapAnswerSchema) },
  /**
   * Parse and score a raw caption body fetched in the tab; answers the map (and caches map + cues). Big bodies
   * come in chunks first: one message of 15 MB would block the page for ~150 ms while it is serialised.
   */
  'cs-bg:score': { args: ScoreRequestSchema, answer: MapAnswerSchema },
  /**
   * One piece of a caption body, sent in order (index 0…count-1) before the cs-bg:score naming `uploadId`.
   * Index 0 opens the upload; a later index for an upload the worker does not hold answers `unknown-upload`.
   */
  'cs-bg:uploadChunk': { args: UploadChunkSchema, answer: v.object({ received: CountSchema }) },
  /**
   * Cues for the transcript drawer, a page at a time (`count` ≤ MAX_TRANSCRIPT_PAGE_CUES): from the cache's cues
   * (or the cues this worker just parsed), each with its slice and the counted terms to highlight — never the
   * whole transcript in one message. Rejects with `no-transcript` when the worker holds no cues for the episode.
   */
  'cs-bg:transcript': { args: TranscriptArgsSchema, answer: TranscriptPageSchema },
  /** Progress of a long cs→bg:score (sent with tabs.sendMessage to the requesting tab). Answers nothing. */
  'bg-cs:progress': {
    args: v.strictObject({
      requestId: RequestIdSchema,
      phase: v.picklist(['parse', 'score', 'store']),
      fraction: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1)),
    }),
  },
  /** The active tab's current panel state and headline, for the popup (its answer: protocol.ts). */
  'ui-cs:summary': { args: NoArgsSchema },
  /** Re-run the active tab's session (re-acquire + re-score, bypassing the map cache). Answers nothing. */
  'ui-cs:rescore': { args: NoArgsSchema },
} as const satisfies Record<ContentScriptMessageType, MessageSchemas>;
