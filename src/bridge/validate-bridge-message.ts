/**
 * Runs the bridge schemas (bridge-protocol.ts) for BOTH sides: the page is untrusted, so a message is dropped
 * (null) unless every field has the right type, size and shape. Never throws.
 */
import * as v from 'valibot';
import { BRIDGE_CHANNEL, BRIDGE_OPS_SCHEMAS, BridgeEnvelopeSchema, MAX_ENVELOPE_CHARS, type BridgeEnvelope, type BridgeOp, type BridgeOps } from './bridge-protocol';

/** Parses one `message` event's data: a JSON string of a known envelope, or null. */
export function parseEnvelope(data: unknown): BridgeEnvelope | null {
  if (typeof data !== 'string' || data.length > MAX_ENVELOPE_CHARS || !data.includes(BRIDGE_CHANNEL)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = v.safeParse(BridgeEnvelopeSchema, raw, { abortEarly: true });
  return parsed.success ? parsed.output : null;
}

/** A request's arguments for `op` (main side), or null. */
export function validateOpArgs<K extends BridgeOp>(op: K, args: unknown): BridgeOps[K]['args'] | null {
  const parsed = v.safeParse(BRIDGE_OPS_SCHEMAS[op].args, args, { abortEarly: true });
  return parsed.success ? (parsed.output as BridgeOps[K]['args']) : null;
}

/** An answer's value for `op` (isolated side), or null — including a URL or listing for another video. */
export function validateOpValue<K extends BridgeOp>(op: K, value: unknown): BridgeOps[K]['value'] | null {
  const parsed = v.safeParse(BRIDGE_OPS_SCHEMAS[op].value, value, { abortEarly: true });
  return parsed.success ? (parsed.output as BridgeOps[K]['value']) : null;
}
