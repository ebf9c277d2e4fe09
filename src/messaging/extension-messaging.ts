import { browser, type Browser } from 'wxt/browser';
import { MessageError, isReceiverGoneMessage } from './message-error';
import type { MessageAnswer, MessageArgs, MessageType, Result } from './protocol';
import {
  BACKGROUND_MESSAGE_TYPES,
  TAB_MESSAGE_TYPES,
  type BackgroundMessageType,
  type TabMessageType,
} from './message-directions';
import { PROTOCOL_TAG, validateAnswer, validateMessage, validateMessageArgs, type Envelope } from './validate-message';

/**
 * The typed transport for protocol.ts over `runtime.sendMessage` / `tabs.sendMessage` / `runtime.onMessage`.
 *
 * Why hand-written rather than @webext-core/messaging: v4 of that library calls the callback-style `chrome.*`
 * API directly (bypassing the polyfilled `browser` that WXT's fake browser replaces in unit tests, so its
 * sends never resolve there), allows one listener per type per context, and leaves payload validation to every
 * handler. Here every arrival goes through validateMessage first and every answer is a `Result`, so an
 * unknown or malformed message is answered with `{ ok: false, error }` — never a throw inside the listener.
 */

export { BACKGROUND_MESSAGE_TYPES, TAB_MESSAGE_TYPES } from './message-directions';
export type { BackgroundMessageType, TabMessageType } from './message-directions';
export { MessageError } from './message-error';

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
 * Sends to the background; resolves with the answer or rejects with the error it answered (or a transport error).
 * A `MessageError` when the answer carried a code, or when the worker went away before answering
 * (`receiver-gone`, `no-answer`): those are worth one more try, since the next message starts a fresh worker.
 */
export function sendToBackground<K extends BackgroundMessageType>(type: K, args: MessageArgs<K>): Promise<MessageAnswer<K>> {
  return send(type, args, (envelope) => browser.runtime.sendMessage(envelope));
}

/** Sends to the content script of one tab (top frame); rejects when no content script answers. */
export function sendToTab<K extends TabMessageType>(tabId: number, type: K, args: MessageArgs<K>): Promise<MessageAnswer<K>> {
  return send(type, args, (envelope) => browser.tabs.sendMessage(tabId, envelope, { frameId: 0 }));
}

/**
 * Registers the background's handlers (all of them: the background is the only answerer of these types).
 * Anything else that arrives — unknown types, other directions, malformed payloads — is answered with an error.
 * Returns the unregister function.
 */
export function onBackgroundMessage(handlers: MessageHandlers<BackgroundMessageType>): () => void {
  return listen(BACKGROUND_MESSAGE_TYPES, handlers);
}

/**
 * Registers content-script handlers for some of the tab message types. A known type this registration does
 * not handle is left unanswered (another registration in the same tab may answer it); malformed and unknown
 * messages are answered with an error. Returns the unregister function.
 */
export function onTabMessage(handlers: Partial<MessageHandlers<TabMessageType>>): () => void {
  return listen(TAB_MESSAGE_TYPES, handlers);
}

async function send<K extends MessageType>(
  type: K,
  args: MessageArgs<K>,
  transport: (envelope: Envelope<K>) => Promise<unknown>,
): Promise<MessageAnswer<K>> {
  // Checking before sending turns a programming error into a clear local rejection (O(1) on bodies, as on arrival).
  const checked = validateMessageArgs(type, args);
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
  const result = validateAnswer(type, answer);
  if (!result.ok) throw result.code ? new MessageError(result.error, result.code) : new Error(result.error);
  return result.value;
}

function listen<K extends MessageType>(accepted: readonly K[], handlers: Partial<MessageHandlers<K>>): () => void {
  const listener = (
    raw: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse?: (answer: Result<unknown>) => void,
  ): true | Promise<Result<unknown>> | undefined => {
    const checked = validateMessage(raw, accepted);
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
