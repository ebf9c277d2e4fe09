/**
 * The protocol between the page-world helper (src/main-world) and the isolated content script
 * (src/content, src/acquisition). Both worlds share one `window`, and so does every page script and
 * every other extension's main-world script: everything received here is untrusted input.
 *
 * Wire format: `window.postMessage(JSON.stringify(envelope), location.origin)`. Strings only — Firefox
 * throws when a page-world object is touched from the isolated world (Xray wrappers), and a string is
 * trivially size-capped and schema-checked.
 */
import type { CaptionTrack } from '../captions/caption-track';
import type { VideoDetails } from '../library/library-schema';

export const BRIDGE_CHANNEL = 'perspective-map/bridge@1';

/** No legitimate envelope comes near this (a snapshot of 100 tracks is ~60 kB); bigger ones are dropped unread. */
export const MAX_ENVELOPE_CHARS = 1_000_000;
/** Caps on individual strings inside validated payloads. */
export const MAX_URL_CHARS = 8_000;
export const MAX_TEXT_CHARS = 2_000;
export const MAX_TRACKS = 200;

/** How the main world learnt the token it put in a `player-url` answer (recorded in the attempt detail). */
export type PotSource = 'observed-request' | 'audio-track' | 'captions-toggled' | 'not-needed';

/** The tracks of the player's current response, as read in the page world. */
export type SnapshotListing =
  | { status: 'ok'; videoId: string; tracks: CaptionTrack[] }
  | { status: 'no-captions'; videoId: string }
  | { status: 'bot-check'; videoId: string; reason: string }
  | { status: 'unplayable'; videoId: string; reason: string };

export interface InnertubeConfig {
  apiKey: string;
  clientVersion: string;
  visitorData?: string;
  hl?: string;
}

export interface BridgeOps {
  /** The current player response's tracks for `videoId` (never a stale one) + what `direct` needs from ytcfg. */
  snapshot: {
    args: { videoId: string };
    /**
     * `live`: the video is live right now (videoDetails.isLive or getVideoData().isLive); absent = not known live.
     * `details`: title, channel, channel id, duration from `videoDetails` — page text, for the episode library's
     * display only (checked against `videoDetailsSchema`; a snapshot with bad details keeps the rest, without them).
     */
    value: { videoId: string; listing: SnapshotListing; innertube: InnertubeConfig | null; live?: boolean; details?: VideoDetails };
  };
  /** A timedtext URL for the track that carries the player's `pot` (captions switched on briefly if needed). */
  'player-url': {
    args: { videoId: string; vssId: string; languageCode: string };
    value: { videoId: string; url: string; potSource: PotSource };
  };
}
export type BridgeOp = keyof BridgeOps;
export const BRIDGE_OPS: readonly BridgeOp[] = ['snapshot', 'player-url'];

export type BridgeEnvelope =
  /** main → isolated, once at start-up (no nonce yet): "I am listening; (re)send your handshake". */
  | { ch: typeof BRIDGE_CHANNEL; kind: 'ready' }
  /** isolated → main: the per-page nonce; the main world accepts the first one only. */
  | { ch: typeof BRIDGE_CHANNEL; kind: 'handshake'; nonce: string }
  /** main → isolated: handshake accepted. */
  | { ch: typeof BRIDGE_CHANNEL; kind: 'ack'; nonce: string }
  | { ch: typeof BRIDGE_CHANNEL; kind: 'request'; nonce: string; id: string; op: BridgeOp; args: unknown }
  | { ch: typeof BRIDGE_CHANNEL; kind: 'answer'; nonce: string; id: string; ok: true; value: unknown }
  | { ch: typeof BRIDGE_CHANNEL; kind: 'answer'; nonce: string; id: string; ok: false; error: string };
