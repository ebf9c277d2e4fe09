/**
 * Schema checks for everything that crosses the worlds bridge, used by BOTH sides: the page is
 * untrusted, so a message is dropped (null) unless every field has the right type, size and shape.
 * Never throws.
 */
import * as v from 'valibot';
import type { CaptionTrack } from '../captions/caption-track';
import { videoDetailsSchema, type VideoDetails } from '../library/library-schema';
import {
  BRIDGE_CHANNEL,
  BRIDGE_OPS,
  MAX_ENVELOPE_CHARS,
  MAX_TEXT_CHARS,
  MAX_TRACKS,
  MAX_URL_CHARS,
  type BridgeEnvelope,
  type BridgeOp,
  type BridgeOps,
  type InnertubeConfig,
  type PotSource,
  type SnapshotListing,
} from './bridge-protocol';

const TOKEN = /^[A-Za-z0-9_-]{8,64}$/;
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const LANGUAGE = /^[A-Za-z0-9-]{1,35}$/;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = MAX_TEXT_CHARS): v is string => typeof v === 'string' && v.length <= max;

export const isBridgeToken = (v: unknown): v is string => typeof v === 'string' && TOKEN.test(v);
export const isVideoId = (v: unknown): v is string => typeof v === 'string' && VIDEO_ID.test(v);

/** Parses one `message` event's data: a JSON string of a known envelope, or null. */
export function parseEnvelope(data: unknown): BridgeEnvelope | null {
  if (typeof data !== 'string' || data.length > MAX_ENVELOPE_CHARS || !data.includes(BRIDGE_CHANNEL)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRec(raw) || raw.ch !== BRIDGE_CHANNEL) return null;
  switch (raw.kind) {
    case 'ready':
      return { ch: BRIDGE_CHANNEL, kind: 'ready' };
    case 'handshake':
    case 'ack':
      return isBridgeToken(raw.nonce) ? { ch: BRIDGE_CHANNEL, kind: raw.kind, nonce: raw.nonce } : null;
    case 'request':
      if (!isBridgeToken(raw.nonce) || !isBridgeToken(raw.id)) return null;
      if (!BRIDGE_OPS.includes(raw.op as BridgeOp)) return null;
      return { ch: BRIDGE_CHANNEL, kind: 'request', nonce: raw.nonce, id: raw.id, op: raw.op as BridgeOp, args: raw.args };
    case 'answer':
      if (!isBridgeToken(raw.nonce) || !isBridgeToken(raw.id)) return null;
      if (raw.ok === true) return { ch: BRIDGE_CHANNEL, kind: 'answer', nonce: raw.nonce, id: raw.id, ok: true, value: raw.value };
      if (raw.ok === false && str(raw.error))
        return { ch: BRIDGE_CHANNEL, kind: 'answer', nonce: raw.nonce, id: raw.id, ok: false, error: raw.error };
      return null;
    default:
      return null;
  }
}

export function validateArgs<K extends BridgeOp>(op: K, args: unknown): BridgeOps[K]['args'] | null {
  if (!isRec(args) || !isVideoId(args.videoId)) return null;
  if (op === 'snapshot') return { videoId: args.videoId } as BridgeOps[K]['args'];
  if (!str(args.vssId, 100) || !(typeof args.languageCode === 'string' && LANGUAGE.test(args.languageCode))) return null;
  return { videoId: args.videoId, vssId: args.vssId, languageCode: args.languageCode } as BridgeOps[K]['args'];
}

function validateTrack(v: unknown): CaptionTrack | null {
  if (!isRec(v)) return null;
  const { baseUrl, languageCode, kind, vssId, name, isTranslatable } = v;
  if (!str(baseUrl, MAX_URL_CHARS) || !(typeof languageCode === 'string' && LANGUAGE.test(languageCode))) return null;
  if (!str(vssId, 100) || !str(name, 300)) return null;
  if (kind !== undefined && kind !== 'asr') return null;
  if (isTranslatable !== undefined && typeof isTranslatable !== 'boolean') return null;
  return {
    baseUrl,
    languageCode,
    vssId,
    name,
    ...(kind === 'asr' ? { kind } : {}),
    ...(isTranslatable !== undefined ? { isTranslatable } : {}),
  };
}

export function validateListing(v: unknown): SnapshotListing | null {
  if (!isRec(v) || !isVideoId(v.videoId)) return null;
  const videoId = v.videoId;
  switch (v.status) {
    case 'ok': {
      if (!Array.isArray(v.tracks) || v.tracks.length === 0 || v.tracks.length > MAX_TRACKS) return null;
      const tracks = v.tracks.map(validateTrack);
      if (tracks.some((t) => t === null)) return null;
      return { status: 'ok', videoId, tracks: tracks as CaptionTrack[] };
    }
    case 'no-captions':
      return { status: 'no-captions', videoId };
    case 'bot-check':
    case 'unplayable':
      return str(v.reason) ? { status: v.status, videoId, reason: v.reason } : null;
    default:
      return null;
  }
}

function validateInnertube(v: unknown): InnertubeConfig | null {
  if (!isRec(v) || !str(v.apiKey, 100) || !str(v.clientVersion, 50) || !/^[A-Za-z0-9_-]+$/.test(v.apiKey)) return null;
  return {
    apiKey: v.apiKey,
    clientVersion: v.clientVersion,
    ...(str(v.visitorData, 2000) ? { visitorData: v.visitorData } : {}),
    ...(str(v.hl, 35) ? { hl: v.hl } : {}),
  };
}

/** Page text about the video: kept when it passes the schema, dropped (not the whole answer) when it does not. */
function validateDetails(value: unknown): VideoDetails | null {
  if (value === undefined) return null;
  const parsed = v.safeParse(videoDetailsSchema, value);
  return parsed.success ? parsed.output : null;
}

const POT_SOURCES: readonly PotSource[] = ['observed-request', 'audio-track', 'captions-toggled', 'not-needed'];

export function validateValue<K extends BridgeOp>(op: K, value: unknown): BridgeOps[K]['value'] | null {
  if (!isRec(value) || !isVideoId(value.videoId)) return null;
  if (op === 'snapshot') {
    const listing = validateListing(value.listing);
    if (!listing || listing.videoId !== value.videoId) return null;
    const innertube = value.innertube === null ? null : validateInnertube(value.innertube);
    if (value.innertube !== null && innertube === null) return null;
    if (value.live !== undefined && typeof value.live !== 'boolean') return null;
    const details = validateDetails(value.details);
    return {
      videoId: value.videoId,
      listing,
      innertube,
      ...(value.live === true ? { live: true } : {}),
      ...(details ? { details } : {}),
    } as BridgeOps[K]['value'];
  }
  if (!str(value.url, MAX_URL_CHARS) || !POT_SOURCES.includes(value.potSource as PotSource)) return null;
  return { videoId: value.videoId, url: value.url, potSource: value.potSource as PotSource } as BridgeOps[K]['value'];
}
