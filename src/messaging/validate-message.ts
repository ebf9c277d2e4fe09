import { createMessageChecks } from './message-checks';
import { PROTOCOL } from './protocol';

/**
 * Arrival checks for the whole protocol (protocol.ts), for every context but the watch-page content script (which
 * checks its half: content-script-messaging.ts). message-checks.ts runs them.
 */

export { MAX_BODY_CHARS, MAX_CHUNK_CHARS, MAX_TRANSCRIPT_PAGE_CUES, MAX_UPLOAD_CHUNKS } from './protocol';
export { PROTOCOL_TAG, isMessageType, type Envelope, type ValidatedMessage } from './message-checks';

export const { validateMessage, validateMessageArgs, validateAnswer } = createMessageChecks(PROTOCOL);
