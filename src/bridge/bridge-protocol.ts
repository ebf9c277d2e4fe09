/**
 * The protocol between the page-world helper (src/main-world) and the isolated content script
 * (src/content, src/acquisition), as valibot schemas with the types inferred from them. Both worlds share one
 * `window`, and so does every page script and every other extension's main-world script: everything received
 * here is untrusted input (threat model: README.md).
 *
 * Wire format: `window.postMessage(JSON.stringify(envelope), location.origin)`. Strings only — Firefox
 * throws when a page-world object is touched from the isolated world (Xray wrappers), and a string is
 * trivially size-capped and schema-checked.
 */
import * as v from 'valibot';
import { CaptionTrackSchema, LanguageCodeSchema, VssIdSchema } from '../captions/caption-track';
import { timedTextVideoId } from '../captions/track-url';
import { VideoIdSchema } from '../schema/video-id';
import { videoDetailsSchema } from '../library/library-schema';

export const BRIDGE_CHANNEL = 'perspective-map/bridge@1';

/** No legitimate envelope comes near this (a snapshot of 100 tracks is ~60 kB); bigger ones are dropped unread. */
export const MAX_ENVELOPE_CHARS = 1_000_000;
export const MAX_URL_CHARS = 8_000;
export const MAX_TEXT_CHARS = 2_000;
export const MAX_TRACKS = 200;

const text = (max = MAX_TEXT_CHARS) => v.pipe(v.string(), v.maxLength(max));
/** Nonces and request ids: what `crypto.randomUUID()` makes, and nothing that needs escaping. */
export const BridgeTokenSchema = v.pipe(v.string(), v.maxLength(64), v.regex(/^[A-Za-z0-9_-]{8,64}$/));

/** How the main world learnt the token it put in a `player-url` answer (recorded in the attempt detail). */
export const PotSourceSchema = v.picklist(['observed-request', 'audio-track', 'captions-toggled', 'not-needed']);
export type PotSource = v.InferOutput<typeof PotSourceSchema>;

/** A caption track as the page lists it — and its URL must be for the video the answer is about. */
const ListedTrackSchema = CaptionTrackSchema;

/** The tracks of the player's current response, as read in the page world. */
export const SnapshotListingSchema = v.variant('status', [
  v.object({ status: v.literal('ok'), videoId: VideoIdSchema, tracks: v.pipe(v.array(ListedTrackSchema), v.minLength(1), v.maxLength(MAX_TRACKS)) }),
  v.object({ status: v.literal('no-captions'), videoId: VideoIdSchema }),
  v.object({ status: v.literal('bot-check'), videoId: VideoIdSchema, reason: text() }),
  v.object({ status: v.literal('unplayable'), videoId: VideoIdSchema, reason: text() }),
]);
export type SnapshotListing = v.InferOutput<typeof SnapshotListingSchema>;

export const InnertubeConfigSchema = v.object({
  apiKey: v.pipe(v.string(), v.maxLength(100), v.regex(/^[A-Za-z0-9_-]+$/)),
  clientVersion: text(50),
  // Optional extras: a malformed one is left out, never a reason to drop the whole answer.
  visitorData: v.fallback(v.optional(text(2_000)), undefined),
  hl: v.fallback(v.optional(text(35)), undefined),
});
export type InnertubeConfig = v.InferOutput<typeof InnertubeConfigSchema>;

/** True when `url` names `videoId` in its `v` parameter (a URL for another video is never used for this one). */
const urlIsFor = (url: string, videoId: string) => timedTextVideoId(url) === videoId;

export const BRIDGE_OPS_SCHEMAS = {
  /** The current player response's tracks for `videoId` (never a stale one) + what `direct` needs from ytcfg. */
  snapshot: {
    args: v.object({ videoId: VideoIdSchema }),
    value: v.pipe(
      v.object({
        videoId: VideoIdSchema,
        listing: SnapshotListingSchema,
        innertube: v.nullable(InnertubeConfigSchema),
        /** The video is live right now (videoDetails.isLive or getVideoData().isLive); absent = not known live. */
        live: v.optional(v.boolean()),
        /**
         * Title, channel, channel id, duration from `videoDetails` — page text, for the episode library's display
         * only. Malformed details are left out, never a reason to drop the snapshot.
         */
        details: v.fallback(v.optional(videoDetailsSchema), undefined),
      }),
      v.check(
        ({ videoId, listing }) => listing.videoId === videoId && (listing.status !== 'ok' || listing.tracks.every((t) => urlIsFor(t.baseUrl, videoId))),
        'the listing or a track URL is for another video',
      ),
    ),
  },
  /** A timedtext URL for the track that carries the player's `pot` (captions switched on briefly if needed). */
  'player-url': {
    args: v.object({ videoId: VideoIdSchema, vssId: VssIdSchema, languageCode: LanguageCodeSchema }),
    value: v.pipe(
      v.object({ videoId: VideoIdSchema, url: text(MAX_URL_CHARS), potSource: PotSourceSchema }),
      v.check(({ videoId, url }) => urlIsFor(url, videoId), 'the caption URL is for another video'),
    ),
  },
} as const;

export type BridgeOp = keyof typeof BRIDGE_OPS_SCHEMAS;
export const BRIDGE_OPS = Object.keys(BRIDGE_OPS_SCHEMAS) as BridgeOp[];
export type BridgeOps = {
  [K in BridgeOp]: {
    args: v.InferOutput<(typeof BRIDGE_OPS_SCHEMAS)[K]['args']>;
    value: v.InferOutput<(typeof BRIDGE_OPS_SCHEMAS)[K]['value']>;
  };
};

/**
 * Why the main world could not answer: a closed set of codes, never free text — a page script that forges a
 * failure can at most pick one of our own sentences (BRIDGE_ERROR_TEXT), never put its words into the panel.
 */
export const BridgeErrorCodeSchema = v.picklist(['invalid-arguments', 'moved-on', 'no-response', 'track-not-listed', 'no-token', 'failed']);
export type BridgeErrorCode = v.InferOutput<typeof BridgeErrorCodeSchema>;

export const BRIDGE_ERROR_TEXT: Readonly<Record<BridgeErrorCode, string>> = {
  'invalid-arguments': 'invalid arguments',
  'moved-on': 'the page moved on to another video',
  'no-response': 'the player has no response for this video',
  'track-not-listed': 'track not in the player response',
  'no-token': 'the player made no token-bearing caption request',
  failed: 'the page helper failed',
};

const channel = v.literal(BRIDGE_CHANNEL);
export const BridgeEnvelopeSchema = v.variant('kind', [
  /** main → isolated, once at start-up (no nonce yet): "I am listening; (re)send your handshake". */
  v.object({ ch: channel, kind: v.literal('ready') }),
  /** isolated → main: the per-page nonce; the main world accepts the first one only. */
  v.object({ ch: channel, kind: v.literal('handshake'), nonce: BridgeTokenSchema }),
  /** main → isolated: handshake accepted. */
  v.object({ ch: channel, kind: v.literal('ack'), nonce: BridgeTokenSchema }),
  v.object({ ch: channel, kind: v.literal('request'), nonce: BridgeTokenSchema, id: BridgeTokenSchema, op: v.picklist(BRIDGE_OPS), args: v.unknown() }),
  v.variant('ok', [
    v.object({ ch: channel, kind: v.literal('answer'), nonce: BridgeTokenSchema, id: BridgeTokenSchema, ok: v.literal(true), value: v.unknown() }),
    /** A failure names the video it is about (checked against the pending request like a value) and a code. */
    v.object({ ch: channel, kind: v.literal('answer'), nonce: BridgeTokenSchema, id: BridgeTokenSchema, ok: v.literal(false), videoId: VideoIdSchema, error: BridgeErrorCodeSchema }),
  ]),
]);
export type BridgeEnvelope = v.InferOutput<typeof BridgeEnvelopeSchema>;
