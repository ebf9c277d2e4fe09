import * as v from 'valibot';
import { checkSchema, type Checked } from '../schema/check-schema';
import { isPlainRecord } from '../schema/plain-record';
import { MessageErrorCodeSchema, type MessageSchemas, type Result } from './content-script-protocol';
import { MESSAGE_TYPES } from './message-directions';
import type { MessageAnswer, MessageArgs, MessageType } from './protocol';

/**
 * Arrival checks over one context's table of schemas: the envelope and args of every message, and the answer the
 * sender receives. The full protocol (validate-message.ts, every context but one) and the watch-page content
 * script's half (content-script-messaging.ts) run the same code over different tables. The schemas look at types and
 * lengths only: a 15 MB caption body costs O(1) here.
 */

/** The envelope tag: anything without it is not a message of this protocol. */
export const PROTOCOL_TAG = 'perspective-map/1';

export interface Envelope<K extends MessageType = MessageType> {
  protocol: typeof PROTOCOL_TAG;
  type: K;
  args: MessageArgs<K>;
}

export type ValidatedMessage<K extends MessageType = MessageType> =
  | { ok: true; message: Envelope<K> }
  | { ok: false; error: string };

export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && (MESSAGE_TYPES as readonly string[]).includes(type);
}

/** A context's schemas: the args of every type it sends or accepts, the answers of the types it sends. */
export type ProtocolTable = Partial<Record<MessageType, MessageSchemas>>;

export interface MessageChecks {
  /**
   * Checks an incoming value: the envelope, a type this context accepts, and its args.
   * Never throws; the error says what was wrong (shown in logs and, for the user, by the caller).
   */
  validateMessage<K extends MessageType>(raw: unknown, accepted: readonly K[]): ValidatedMessage<K>;
  validateMessageArgs<K extends MessageType>(type: K, args: unknown): Checked<MessageArgs<K>>;
  /**
   * Checks an answer as it arrives at the sender: a `Result` whose `value` has the answer schema of `type`.
   * Never throws; a malformed answer is reported like a failed one, with code `bad-answer`.
   */
  validateAnswer<K extends MessageType>(type: K, raw: unknown): Result<MessageAnswer<K>>;
}

/** A failed answer: the sentence for people and, maybe, a code to act on. */
const FailedAnswerSchema = v.object({
  ok: v.literal(false),
  error: v.pipe(v.string(), v.maxLength(10_000)),
  code: v.optional(MessageErrorCodeSchema),
});

export function createMessageChecks(table: ProtocolTable): MessageChecks {
  function validateMessageArgs<K extends MessageType>(type: K, args: unknown): Checked<MessageArgs<K>> {
    const schemas = table[type];
    if (!schemas) return { ok: false, error: `"${type}" is not sent or received in this context` };
    return checkSchema(schemas.args, args, 'args') as Checked<MessageArgs<K>>;
  }
  return {
    validateMessageArgs,
    validateMessage<K extends MessageType>(raw: unknown, accepted: readonly K[]): ValidatedMessage<K> {
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
    },
    validateAnswer<K extends MessageType>(type: K, raw: unknown): Result<MessageAnswer<K>> {
      if (isPlainRecord(raw) && raw.ok === false) {
        const failed = checkSchema(FailedAnswerSchema, raw, 'answer');
        return failed.ok ? failed.value : { ok: false, error: `Malformed answer to "${type}": ${failed.error}`, code: 'bad-answer' };
      }
      if (!isPlainRecord(raw) || raw.ok !== true || !Object.hasOwn(raw, 'value')) {
        return { ok: false, error: `No valid answer to "${type}"`, code: 'bad-answer' };
      }
      const schema = table[type]?.answer;
      if (!schema) return { ok: false, error: `Answers to "${type}" are not checked in this context`, code: 'bad-answer' };
      const value = checkSchema(schema, raw.value, 'answer.value');
      return value.ok
        ? { ok: true, value: value.value as MessageAnswer<K> }
        : { ok: false, error: `Malformed answer to "${type}": ${value.error}`, code: 'bad-answer' };
    },
  };
}
