import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_PROTOCOL } from './content-script-protocol';
import { createMessageChecks } from './message-checks';
import { TAB_MESSAGE_TYPES, type ContentScriptRequestType, type TabMessageType } from './message-directions';
import { listen, send, type MessageHandlers } from './message-transport';
import type { MessageAnswer, MessageArgs } from './protocol';

/**
 * The watch-page content script's transport: extension-messaging.ts's `sendToBackground` and `onTabMessage`, checked
 * against the content script's half of the protocol (content-script-protocol.ts) so that the schemas it never runs
 * — the popup's `ui-cs:summary` answer with its diagnostics record, the `ui-bg:*` messages — stay out of its bundle
 * (DESIGN §9.1 budget). Same checks, same errors: the entries are the very objects PROTOCOL holds.
 */

const CHECKS = createMessageChecks(CONTENT_SCRIPT_PROTOCOL);

/**
 * Sends a `cs-bg:*` message to the background; resolves with the checked answer or rejects with the error it
 * answered. A `MessageError` when the answer carried a code or the worker went away before answering
 * (`receiver-gone`, `no-answer`): worth one more try, since the next message starts a fresh worker.
 */
export function sendToBackground<K extends ContentScriptRequestType>(type: K, args: MessageArgs<K>): Promise<MessageAnswer<K>> {
  return send(CHECKS, type, args, (envelope) => browser.runtime.sendMessage(envelope));
}

/**
 * Registers handlers for some of the tab message types (args checked on arrival). A known type this registration
 * does not handle is left unanswered; malformed and unknown messages are answered with an error. Returns the
 * unregister function.
 */
export function onTabMessage(handlers: Partial<MessageHandlers<TabMessageType>>): () => void {
  return listen(CHECKS, TAB_MESSAGE_TYPES, handlers);
}
