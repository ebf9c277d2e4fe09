/**
 * Two worlds on one window, as in a real tab: every listener sees every posted message (the page's
 * scripts included), delivered asynchronously with `source` = the window and `origin` = its origin.
 */
import type { BridgeWindow } from '../../../src/bridge/bridge-window';

export interface FakeWindow extends BridgeWindow {
  /** Every message posted, as the page would see it. */
  readonly posted: string[];
  /** A message as a page script (or a frame with another origin/source) would post it. */
  inject(data: unknown, from?: { origin?: string; source?: unknown }): void;
}

export function fakeWindow(origin = 'https://www.youtube.com'): FakeWindow {
  const listeners = new Set<(event: MessageEvent) => void>();
  const posted: string[] = [];
  const deliver = (data: unknown, eventOrigin: string, source: unknown) => {
    setTimeout(() => {
      for (const l of [...listeners]) l({ data, origin: eventOrigin, source } as unknown as MessageEvent);
    }, 0);
  };
  const win: FakeWindow = {
    location: { origin },
    posted,
    addEventListener: (_type, listener) => void listeners.add(listener),
    removeEventListener: (_type, listener) => void listeners.delete(listener),
    postMessage(message: string, targetOrigin: string) {
      if (targetOrigin !== origin) return;
      posted.push(message);
      deliver(message, origin, win);
    },
    inject(data, from = {}) {
      deliver(data, from.origin ?? origin, 'source' in from ? from.source : win);
    },
  };
  return win;
}

export const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));
