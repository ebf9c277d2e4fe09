import * as v from 'valibot';
import { checkSchema, type Checked } from '../schema/check-schema';
import { isPlainRecord } from '../schema/plain-record';
import { MessageErrorCodeSchema, PROTOCOL, type MessageAnswer, type MessageArgs, type MessageType, type Result } from './protocol';

/**
 * Arrival checks for the protocol (protocol.ts): the envelope and args of every message, and the answer the
 * sender receives. The schemas look at types and lengths only: a 15 MB caption body costs O(1) here.
 */

export { MAX_BODY_CHARS, MAX_CHUNK_CHARS, MAX_TRANSCRIPT_PAGE_CUES, MAX_UPLOAD_CHUNKS } from './protocol';

/** The envelope tag: anything without it is not a message of this protocol. */
export const PROTOCOL_TAG = 'perspective-map/1';

export interface Envelope<K extends MessageType = MessageType> {
  protocol: typeof PROTOCOL_TAG;
  type: K;
  args: MessageArgs<K>;
}

export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(PROTOCOL, type);
}

export type ValidatedMessage<K extends MessageType = MessageType> =
  | { ok: true; message: Envelope<K> }
  | { ok: false; error: string };

/**
 * Checks an incoming value: the envelope, a type this context accepts, and its args.
 * Never throws; the error says what was wrong (shown in logs and, for the user, by the caller).
 */
export function validateMessage<K extends MessageType>(raw: unknown, accepted: readonly K[]): ValidatedMessage<K> {
  if (!isPlainRecord(raw)) return { ok: false, error: 'Malformed message: not an object' };
  if (raw.protocol !== PROTOCOL_TAG) return { ok: false, error: 'Malformed message: not a perspective-map message' };
  const { type } = raw;
  if (!isMessageType(type)) {
    return { ok: false, error: `Unknown message type ${typeof type === 'string' ? JSON.stringify(type.slice(0, 64)) : String(type)}` };
  }
  if (!(accepted as readonly MessageType[]).includes(type)) {
    return { ok: false, error: `Message type "${type}" is not handled in this context` };
  }
  const args = validateMessageArgs(type as K, raw.args);
  if (!args.ok) return { ok: false, error: `Malformed "${type}" message: ${args.error}` };
  return { ok: true, message: { protocol: PROTOCOL_TAG, type: type as K, args: args.value } };
}

export function validateMessageArgs<K extends MessageType>(type: K, args: unknown): Checked<MessageArgs<K>> {
  return checkSchema(PROTOCOL[type].args, args, 'args') as Checked<MessageArgs<K>>;
}

/** A failed answer: the sentence for people and, maybe, a code to act on. */
const FailedAnswerSchema = v.object({
  ok: v.literal(false),
  error: v.pipe(v.string(), v.maxLength(10_000)),
  code: v.optional(MessageErrorCodeSchema),
});

/**
 * Checks an answer as it arrives at the sender: a `Result` whose `value` has the answer schema of `type`.
 * Never throws; a malformed answer is reported like a failed one, with code `bad-answer`.
 */
export function validateAnswer<K extends MessageType>(type: K, raw: unknown): Result<MessageAnswer<K>> {
  if (isPlainRecord(raw) && raw.ok === false) {
    const failed = checkSchema(FailedAnswerSchema, raw, 'answer');
    return failed.ok ? failed.value : { ok: false, error: `Malformed answer to "${type}": ${failed.error}`, code: 'bad-answer' };
  }
  if (!isPlainRecord(raw) || raw.ok !== true || !Object.hasOwn(raw, 'value')) {
    return { ok: false, error: `No valid answer to "${type}"`, code: 'bad-answer' };
  }
  const value = checkSchema(PROTOCOL[type].answer, raw.value, 'answer.value');
  return value.ok
    ? { ok: true, value: value.value as MessageAnswer<K> }
    : { ok: false, error: `Malformed answer to "${type}": ${value.error}`, code: 'bad-answer' };
}
