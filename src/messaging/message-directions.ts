/**
 * Which context answers which message types (by the direction in their names). Kept apart from the
 * transport so pure code (validation, the benchmark in Node) can use it without the browser API.
 */

/** Messages the background answers (sent with runtime.sendMessage from content scripts, popup, options). */
export const BACKGROUND_MESSAGE_TYPES = ['cs-bg:lookup', 'cs-bg:score', 'cs-bg:uploadChunk', 'cs-bg:transcript', 'ui-bg:clearCache', 'ui-bg:cacheStats', 'ui-bg:refreshLibrary'] as const;
/** Messages a watch-page content script answers (sent with tabs.sendMessage by the background or popup). */
export const TAB_MESSAGE_TYPES = ['bg-cs:progress', 'ui-cs:summary', 'ui-cs:rescore'] as const;

/** Every message type of the protocol (a test holds it equal to PROTOCOL's keys). */
export const MESSAGE_TYPES = [...BACKGROUND_MESSAGE_TYPES, ...TAB_MESSAGE_TYPES] as const;

export type BackgroundMessageType = (typeof BACKGROUND_MESSAGE_TYPES)[number];
export type TabMessageType = (typeof TAB_MESSAGE_TYPES)[number];
/** What the watch-page content script sends: the `cs-bg:*` messages (by the direction in their names). */
export type ContentScriptRequestType = Extract<BackgroundMessageType, `cs-bg:${string}`>;
/** Every message the watch-page content script sends or receives (content-script-protocol.ts has their schemas). */
export type ContentScriptMessageType = ContentScriptRequestType | TabMessageType;
