import { browser, type Browser } from 'wxt/browser';
import { MessageError, isReceiverGoneMessage } from './message-error';
import { PROTOCOL_TAG, type Envelope, type MessageChecks } from './message-checks';
import type { MessageAnswer, MessageArgs, MessageType, Result } from './protocol';

/**
 * The transport under extension-messaging.ts (every context but the watch-page content script) and
 * content-script-messaging.ts (that script): `runtime.sendMessage` / `tabs.sendMessage` / `runtime.onMessage`, with
 * each context's own table of schemas (message-checks.ts). See extension-messaging.ts for why it is hand-written.
 */

/** What a handler learns about who sent the message (from runtime.MessageSender). */
export interface MessageSenderInfo {
  tabId?: number;
  frameId?: number;
  url?: string;
  /** The sending tab is in a private / incognito window (nothing is recorded from it). */
  incognito?: boolean;
}

export type MessageHandler<K extends MessageType> = (
  args: MessageArgs<K>,
  sender: MessageSenderInfo,
) => MessageAnswer<K> | Promise<MessageAnswer<K>>;

export type MessageHandlers<K extends MessageType> = { [T in K]: MessageHandler<T> };

/**
 * Sends one message: args checked first, the answer checked on arrival (with `checks`, the sending context's table).
 * Resolves with the answer's value or rejects with the error it answered (or a transport error).
 */
export async function send<K extends MessageType>(
  checks: MessageChecks,
  type: K,
  args: MessageArgs<K>,
  transport: (envelope: Envelope<K>) => Promise<unknown>,
): Promise<MessageAnswer<K>> {
  // Checking before sending turns a programming error into a clear local rejection (O(1) on bodies, as on arrival).
  const checked = checks.validateMessageArgs(type, args);
  if (!checked.ok) throw new Error(`Not sending malformed "${type}" message: ${checked.error}`);
  let answer: unknown;
  try {
    answer = await transport({ protocol: PROTOCOL_TAG, type, args });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (isReceiverGoneMessage(message)) throw new MessageError(message, 'receiver-gone');
    throw err;
  }
  // The polyfill resolves `undefined` when Chromium reports "The message port closed before a response was
  // received." — what a worker stopped mid-answer (or no listener answering) looks like from here. Without the
  // polyfill (the watch-page content script) Chrome rejects with that sentence instead: `receiver-gone` above.
  if (answer === undefined) throw new MessageError(`No valid answer to "${type}" (the receiver closed the channel)`, 'no-answer');
  // Answers are checked like arrivals (a context from another build, or a bug, must not hand on a wrong shape).
  const result = checks.validateAnswer(type, answer);
  if (!result.ok) throw result.code ? new MessageError(result.error, result.code) : new Error(result.error);
  return result.value;
}

/**
 * Listens for the `accepted` types, each checked with `checks` on arrival; answers through the handler of its type.
 * A known type without a handler here is left unanswered (another listener may answer it). Returns the unregister function.
 */
export function listen<K extends MessageType>(checks: MessageChecks, accepted: readonly K[], handlers: Partial<MessageHandlers<K>>): () => void {
  const listener = (
    raw: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse?: (answer: Result<unknown>) => void,
  ): true | Promise<Result<unknown>> | undefined => {
    const checked = checks.validateMessage(raw, accepted);
    let result: Promise<Result<unknown>>;
    if (!checked.ok) result = Promise.resolve({ ok: false, error: checked.error });
    else {
      const { type, args } = checked.message;
      const handler = handlers[type] as MessageHandler<K> | undefined;
      if (!handler) return undefined;
      result = answer(() => handler(args, senderInfo(sender)));
    }
    // `sendResponse` + `true` is the one way to answer later that every runtime takes: Chrome's own onMessage (the
    // watch-page content script has no polyfill, see wxt.config.ts) ignores a returned promise; Firefox and the
    // polyfill take both. A runtime without `sendResponse` (WXT's fake browser in unit tests) takes the promise.
    if (!sendResponse) return result;
    void result.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

async function answer(run: () => unknown): Promise<Result<unknown>> {
  try {
    // `?? null`: an undefined value would be dropped by structured cloning and the answer would lose `value`.
    return { ok: true, value: (await run()) ?? null };
  } catch (err) {
    if (err instanceof MessageError) return { ok: false, error: err.message, code: err.code };
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

function senderInfo(sender: Browser.runtime.MessageSender | undefined): MessageSenderInfo {
  return { tabId: sender?.tab?.id, frameId: sender?.frameId, url: sender?.url, incognito: sender?.tab?.incognito };
}
