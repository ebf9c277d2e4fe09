/** The slice of `window` the bridge uses (passed in, so tests can run two worlds on a fake window). */
export interface BridgeWindow {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void, options?: AddEventListenerOptions): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  postMessage(message: string, targetOrigin: string): void;
  readonly location: { readonly origin: string };
}

/** Only messages this very window posted to itself, from its own origin, are considered at all. */
export function isOwnMessage(win: BridgeWindow, event: MessageEvent): boolean {
  return event.source === (win as unknown) && event.origin === win.location.origin;
}
