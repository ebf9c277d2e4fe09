import type { CaptionSource, TrackRef } from '../captions/caption-track';
import type { MessageArgs, MessageType, ScoreArgs, UploadChunkArgs } from './protocol';
import { ShapeError, checkShape, isPlainObject, num, obj, oneOf, str, type Check } from './shape';

/**
 * Arrival checks for every message of the protocol (protocol.ts). A check looks at types and lengths only:
 * a 15 MB caption body costs O(1) here (typeof + length), and is never copied or scanned.
 */

/** The envelope tag: anything without it is not a message of this protocol. */
export const PROTOCOL_TAG = 'perspective-map/1';

/** Largest caption body accepted (characters). The longest real bodies seen are ~15 MB; 64 MB leaves room. */
export const MAX_BODY_CHARS = 64 * 1024 * 1024;
/** Largest piece of an upload (characters). Senders use half of it (UPLOAD_CHUNK_CHARS in src/content). */
export const MAX_CHUNK_CHARS = 2 * 1024 * 1024;
/** Most cues one cs-bg:transcript page may ask for (a page of real cues stays well under a megabyte). */
export const MAX_TRANSCRIPT_PAGE_CUES = 2000;
/** Most pieces one upload may have (64 × 1 MiB covers MAX_BODY_CHARS at the senders' chunk size). */
export const MAX_UPLOAD_CHUNKS = 64;

export interface Envelope<K extends MessageType = MessageType> {
  protocol: typeof PROTOCOL_TAG;
  type: K;
  args: MessageArgs<K>;
}

// YouTube video ids are 11 characters of [A-Za-z0-9_-]; allow a little more so replica/test ids pass,
// but never anything that could break a cache key apart.
const videoId = str({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/, what: 'video id' });
const track: Check<TrackRef> = obj({
  languageCode: str({ min: 1, max: 64, what: 'language code' }),
  kind: oneOf('asr', 'uploaded'),
  vssId: str({ max: 256, what: 'vssId' }),
  name: str({ max: 1024, what: 'track name' }),
});
const source: Check<CaptionSource> = oneOf('player', 'direct', 'panel');
const requestId = str({ min: 1, max: 128, what: 'request id' });
const body = str({ min: 1, max: MAX_BODY_CHARS, what: 'caption body' });
const noArgs: Check<Record<string, never>> = obj({}) as Check<Record<string, never>>;
const uploadId = str({ min: 1, max: 128, pattern: /^[A-Za-z0-9_-]+$/, what: 'upload id' });

const inlineScore = obj({ videoId, track, source, body, requestId });
const uploadedScore = obj({ videoId, track, source, uploadId, requestId });
/** Exactly one of `body` (inline) and `uploadId` (sent before in chunks). */
const scoreArgs: Check<ScoreArgs> = (value, path) => {
  if (isPlainObject(value) && Object.hasOwn(value, 'uploadId')) {
    if (Object.hasOwn(value, 'body')) throw new ShapeError(`${path}: give either "body" or "uploadId", not both`);
    return uploadedScore(value, path) as ScoreArgs;
  }
  return inlineScore(value, path) as ScoreArgs;
};

const chunkFields = obj({
  uploadId,
  index: num({ min: 0, max: MAX_UPLOAD_CHUNKS - 1, integer: true }),
  count: num({ min: 1, max: MAX_UPLOAD_CHUNKS, integer: true }),
  // May be empty only when the whole body is (count 1); bodies themselves are checked when scored.
  chunk: str({ max: MAX_CHUNK_CHARS, what: 'upload chunk' }),
});
const uploadChunk: Check<UploadChunkArgs> = (value, path) => {
  const args = chunkFields(value, path);
  if (args.index >= args.count) throw new ShapeError(`${path}.index: ${args.index} is not below count ${args.count}`);
  return args;
};

/** One arrival check per message type; the `satisfies` keeps each in step with the protocol's types. */
export const ARGS_CHECKS = {
  'cs-bg:lookup': obj({ videoId, track }),
  'cs-bg:score': scoreArgs,
  'cs-bg:uploadChunk': uploadChunk,
  'cs-bg:transcript': obj({
    videoId,
    track,
    from: num({ min: 0, max: 10_000_000, integer: true }),
    count: num({ min: 1, max: MAX_TRANSCRIPT_PAGE_CUES, integer: true }),
  }),
  'bg-cs:progress': obj({ requestId, phase: oneOf('parse', 'score', 'store'), fraction: num({ min: 0, max: 1 }) }),
  'ui-bg:clearCache': noArgs,
  'ui-bg:cacheStats': noArgs,
  'ui-cs:summary': noArgs,
  'ui-cs:rescore': noArgs,
} satisfies { [K in MessageType]: Check<MessageArgs<K>> };

export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(ARGS_CHECKS, type);
}

export type ValidatedMessage<K extends MessageType = MessageType> =
  | { ok: true; message: Envelope<K> }
  | { ok: false; error: string };

/**
 * Checks an incoming value: the envelope, a type this context accepts, and its args.
 * Never throws; the error says what was wrong (shown in logs and, for the user, by the caller).
 */
export function validateMessage<K extends MessageType>(raw: unknown, accepted: readonly K[]): ValidatedMessage<K> {
  if (!isPlainObject(raw)) return { ok: false, error: 'Malformed message: not an object' };
  if (raw.protocol !== PROTOCOL_TAG) return { ok: false, error: 'Malformed message: not a perspective-map message' };
  const { type } = raw;
  if (!isMessageType(type)) {
    return { ok: false, error: `Unknown message type ${typeof type === 'string' ? JSON.stringify(type.slice(0, 64)) : String(type)}` };
  }
  if (!(accepted as readonly MessageType[]).includes(type)) {
    return { ok: false, error: `Message type "${type}" is not handled in this context` };
  }
  const args = validateArgs(type, raw.args);
  if (!args.ok) return { ok: false, error: `Malformed "${type}" message: ${args.error}` };
  return { ok: true, message: raw as unknown as Envelope<K> };
}

export function validateArgs<K extends MessageType>(type: K, args: unknown): { ok: true; value: MessageArgs<K> } | { ok: false; error: string } {
  const check = ARGS_CHECKS[type] as Check<MessageArgs<K>>;
  return checkShape(check, args, 'args');
}
