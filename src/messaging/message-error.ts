import type { MessageErrorCode } from './protocol';

/**
 * An error with a machine-readable `code` that crosses the protocol: thrown by a handler, it is answered as
 * `{ ok: false, error, code }`; on the sending side the send functions reject with a MessageError carrying the
 * same code. Transport failures that mean "the receiving context is gone" are turned into one too, so callers
 * decide on codes, never on browser-specific wording.
 */
export class MessageError extends Error {
  override name = 'MessageError';
  constructor(
    message: string,
    readonly code: MessageErrorCode,
  ) {
    super(message);
  }
}

/**
 * What browsers say when a message's receiver went away (an MV3 service worker stopped, nobody listening).
 * Chromium: "Could not establish connection. Receiving end does not exist.", "The message port closed before a
 * response was received.", "A listener indicated an asynchronous response by returning true, but the message
 * channel closed before a response was received". Firefox: the same "Could not establish connection…",
 * "Message manager disconnected", "Promised response from onMessage listener went out of scope", and the
 * Conduits actor being destroyed ("Actor 'Conduits' destroyed before query 'RuntimeMessage' was received").
 * Not here on purpose: "Extension context invalidated." — the extension was reloaded under this content script;
 * sending again cannot help.
 */
const RECEIVER_GONE = [
  /Could not establish connection\. Receiving end does not exist/i,
  /message port closed before a response was received/i,
  /message channel closed before a response was received/i,
  /Message manager disconnected/i,
  /Promised response from onMessage listener went out of scope/i,
  /Conduits'? destroyed/i,
];

export function isReceiverGoneMessage(message: string): boolean {
  return RECEIVER_GONE.some((pattern) => pattern.test(message));
}
