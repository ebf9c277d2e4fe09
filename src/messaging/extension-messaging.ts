import { browser } from 'wxt/browser';
import type { MessageAnswer, MessageArgs } from './protocol';
import {
  BACKGROUND_MESSAGE_TYPES,
  TAB_MESSAGE_TYPES,
  type BackgroundMessageType,
  type TabMessageType,
} from './message-directions';
import { listen, send, type MessageHandlers } from './message-transport';
import { validateAnswer, validateMessage, validateMessageArgs } from './validate-message';

/**
 * The typed transport for protocol.ts over `runtime.sendMessage` / `tabs.sendMessage` / `runtime.onMessage`, for
 * the background, the popup, the options and library pages (the watch-page content script uses
 * content-script-messaging.ts: the same transport over its half of the schemas).
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
export type { MessageHandler, MessageHandlers, MessageSenderInfo } from './message-transport';

const CHECKS = { validateMessage, validateMessageArgs, validateAnswer };

/**
 * Sends to the background; resolves with the answer or rejects with the error it answered (or a transport error).
 * A `MessageError` when the answer carried a code, or when the worker went away before answering
 * (`receiver-gone`, `no-answer`): those are worth one more try, since the next message starts a fresh worker.
 */
export function sendToBackground<K extends BackgroundMessageType>(type: K, args: MessageArgs<K>): Promise<MessageAnswer<K>> {
  return send(CHECKS, type, args, (envelope) => browser.runtime.sendMessage(envelope));
}

/** Sends to the content script of one tab (top frame); rejects when no content script answers. */
export function sendToTab<K extends TabMessageType>(tabId: number, type: K, args: MessageArgs<K>): Promise<MessageAnswer<K>> {
  return send(CHECKS, type, args, (envelope) => browser.tabs.sendMessage(tabId, envelope, { frameId: 0 }));
}

/**
 * Registers the background's handlers (all of them: the background is the only answerer of these types).
 * Anything else that arrives — unknown types, other directions, malformed payloads — is answered with an error.
 * Returns the unregister function.
 */
export function onBackgroundMessage(handlers: MessageHandlers<BackgroundMessageType>): () => void {
  return listen(CHECKS, BACKGROUND_MESSAGE_TYPES, handlers);
}

/**
 * Registers content-script handlers for some of the tab message types, checked against the whole protocol (the
 * watch-page content script itself registers through content-script-messaging.ts). A known type this registration
 * does not handle is left unanswered (another registration in the same tab may answer it); malformed and unknown
 * messages are answered with an error. Returns the unregister function.
 */
export function onTabMessage(handlers: Partial<MessageHandlers<TabMessageType>>): () => void {
  return listen(CHECKS, TAB_MESSAGE_TYPES, handlers);
}
