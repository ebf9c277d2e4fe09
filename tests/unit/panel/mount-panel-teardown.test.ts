// @vitest-environment happy-dom
/**
 * Issue 9 §4: a panel's remove() takes away everything it hung on the page and on the content-script context —
 * event listeners (document, window, the context's signal, the session's signal, the page's elements), mutation
 * and intersection observers, the placement look. Listeners on the panel's own elements (Preact's, WXT's event
 * isolation on the host) go with those elements and are not counted: what must be cleaned up is whatever is
 * still reachable from the page (or is not a DOM node at all, like an AbortSignal) after remove().
 *
 * The spies wrap every `addEventListener` / `removeEventListener` implementation reachable from the document,
 * the window and an AbortSignal, and the MutationObserver / IntersectionObserver constructors.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountPanel } from '../../../src/panel/mount-panel';
import type { PanelDeps } from '../../../src/panel/panel-view';
import { readyView } from './fixtures';

interface Registration {
  target: EventTarget;
  type: string;
  listener: unknown;
  capture: boolean;
}

const capture = (options: unknown) => (typeof options === 'boolean' ? options : !!(options as { capture?: boolean } | undefined)?.capture);

/** Records every listener added and removed from now on, and every observer created and whether it still observes. */
function recordPageHooks() {
  const live: Registration[] = [];
  const prototypes = new Set<{ addEventListener: EventTarget['addEventListener']; removeEventListener: EventTarget['removeEventListener'] }>();
  for (const start of [document, window, new AbortController().signal] as object[]) {
    for (let p = Object.getPrototypeOf(start); p; p = Object.getPrototypeOf(p)) {
      if (Object.prototype.hasOwnProperty.call(p, 'addEventListener')) prototypes.add(p);
    }
  }
  const restores: (() => void)[] = [];
  let recording = true;
  for (const proto of prototypes) {
    const add = proto.addEventListener;
    const remove = proto.removeEventListener;
    proto.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
      const signal = (options as { signal?: AbortSignal } | undefined)?.signal;
      // A listener bound to an AbortSignal goes when the signal aborts: count it as live only while it is not aborted.
      const entry = { target: this, type, listener, capture: capture(options) };
      if (!recording) return add.call(this, type, listener as EventListener, options as AddEventListenerOptions);
      if (!signal?.aborted) live.push(entry);
      recording = false; // the spy's own listener is not the panel's
      signal?.addEventListener('abort', () => live.includes(entry) && live.splice(live.indexOf(entry), 1), { once: true });
      recording = true;
      return add.call(this, type, listener as EventListener, options as AddEventListenerOptions);
    } as EventTarget['addEventListener'];
    proto.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
      const i = live.findIndex((r) => r.target === this && r.type === type && r.listener === listener && r.capture === capture(options));
      if (i >= 0) live.splice(i, 1);
      return remove.call(this, type, listener as EventListener, options as EventListenerOptions);
    } as EventTarget['removeEventListener'];
    restores.push(() => {
      proto.addEventListener = add;
      proto.removeEventListener = remove;
    });
  }

  const observers: { kind: string; observing: number }[] = [];
  for (const kind of ['MutationObserver', 'IntersectionObserver'] as const) {
    const Original = window[kind] as unknown as new (...args: unknown[]) => { observe(...a: unknown[]): void; disconnect(): void };
    class Recorded extends Original {
      record = { kind, observing: 0 };
      constructor(...args: unknown[]) {
        super(...args);
        observers.push(this.record);
      }
      override observe(...a: unknown[]) {
        this.record.observing++;
        return super.observe(...a);
      }
      override disconnect() {
        this.record.observing = 0;
        return super.disconnect();
      }
    }
    (window as unknown as Record<string, unknown>)[kind] = Recorded;
    (globalThis as unknown as Record<string, unknown>)[kind] = Recorded;
    restores.push(() => {
      (window as unknown as Record<string, unknown>)[kind] = Original;
      (globalThis as unknown as Record<string, unknown>)[kind] = Original;
    });
  }

  return {
    /** Listeners still registered on something the page can reach (or on a non-node such as an AbortSignal). */
    leftOnPage: () =>
      live
        // An aborted signal never dispatches again (its `once` abort listeners have run and are gone).
        .filter((r) => !(r.target instanceof AbortSignal && r.target.aborted))
        .filter((r) => !(r.target instanceof Node) || r.target.isConnected)
        .map((r) => `${r.target instanceof Node ? r.target.nodeName : r.target.constructor.name} ${r.type}${r.capture ? ' (capture)' : ''}`),
    observing: () => observers.filter((o) => o.observing > 0).map((o) => o.kind),
    observersMade: () => observers.length,
    restore: () => restores.forEach((r) => r()),
  };
}

/** A watch-page skeleton with a player (video + progress bar) and #below. */
function watchPage(withBelow = true): HTMLVideoElement {
  const flexy = document.createElement('ytd-watch-flexy');
  const player = document.createElement('div');
  player.id = 'movie_player';
  player.className = 'html5-video-player';
  const video = document.createElement('video');
  video.className = 'video-stream html5-main-video';
  Object.defineProperty(video, 'duration', { value: 5400 });
  const bar = document.createElement('div');
  bar.className = 'ytp-progress-bar';
  player.append(video, bar);
  flexy.append(player);
  if (withBelow) {
    const below = document.createElement('div');
    below.id = 'below';
    below.append(document.createElement('ytd-watch-metadata'));
    flexy.append(below);
  }
  document.body.append(flexy);
  return video;
}

function deps(signal: AbortSignal): PanelDeps {
  return {
    getVideo: () => document.querySelector<HTMLVideoElement>('video.html5-main-video'),
    onRetry: vi.fn(),
    onTrackChange: vi.fn(),
    onShowAnyway: vi.fn(),
    onCollapsedChange: vi.fn(),
    onTranscriptOpenChange: vi.fn(),
    loadTranscript: vi.fn(async (from: number) => ({ total: 0, from, cues: [] })),
    copyText: vi.fn(async () => undefined),
    signal,
  };
}

let hooks: ReturnType<typeof recordPageHooks> | null = null;
let ctx: ContentScriptContext;

/** Starts recording right before the panel is mounted (the context's and the test runner's own listeners are not the panel's). */
function record(): ReturnType<typeof recordPageHooks> {
  hooks = recordPageHooks();
  return hooks;
}

beforeEach(() => {
  ctx = new ContentScriptContext('youtube');
});

afterEach(() => {
  hooks?.restore();
  hooks = null;
  ctx.abort();
  document.body.replaceChildren();
});

describe('mountPanel teardown', () => {
  it('remove() takes away every listener and observer it added, after a life of updates, playback, collapse and re-placement', async () => {
    const video = watchPage();
    const session = new AbortController();
    const hooks = record();
    const panel = await mountPanel(ctx, deps(session.signal), { state: 'loading', videoId: '4WNWeUQ7Hfc' });
    panel.update(readyView());
    expect(document.querySelector('[data-perspective-map-strip]')).not.toBeNull();
    for (const type of ['loadedmetadata', 'durationchange', 'play', 'timeupdate', 'seeked', 'ratechange', 'pause']) video.dispatchEvent(new Event(type));
    panel.update(readyView({ display: { palette: 'colorblind', progressBarStrip: true, collapsed: true } }));
    panel.update(readyView({ cached: true }));
    document.getElementById('perspective-map')!.remove(); // YouTube re-rendered #below's children
    await new Promise((r) => setTimeout(r, 0)); // the ancestor watch puts the host back
    expect(document.getElementById('perspective-map')).not.toBeNull();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(hooks.leftOnPage().length).toBeGreaterThan(0); // the test sees what the panel hangs on the page
    expect(hooks.observing().length).toBeGreaterThan(0);

    panel.remove();

    expect(hooks.leftOnPage()).toEqual([]);
    expect(hooks.observing()).toEqual([]);
    expect(document.getElementById('perspective-map')).toBeNull();
    expect(document.querySelector('[data-perspective-map-strip]')).toBeNull();
  });

  it('a hidden tab takes the clock off the page: no media listener while hidden, back when visible (issue 9)', async () => {
    watchPage();
    const session = new AbortController();
    const hooks = record();
    const panel = await mountPanel(ctx, deps(session.signal), readyView());
    const media = () => hooks.leftOnPage().filter((l) => /^#document (timeupdate|play|pause|seeked|seeking|ratechange)/.test(l));
    await new Promise((r) => setTimeout(r, 50)); // Preact's effects (the arc subscribes to the clock) run after the paint
    expect(media().length).toBeGreaterThan(0); // playing-ready and on screen: the clock follows the video
    let hidden = true;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      expect(media()).toEqual([]);
      hidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
      expect(media().length).toBeGreaterThan(0);
    } finally {
      delete (document as unknown as Record<string, unknown>).hidden;
      delete (document as unknown as Record<string, unknown>).visibilityState;
      panel.remove();
    }
  });

  it.each([
    ['the session signal aborts', (s: AbortController) => s.abort()],
    ['the content-script context is invalidated', () => ctx.abort()],
  ])('the same when %s', async (_label, end) => {
    watchPage();
    const session = new AbortController();
    const hooks = record();
    const panel = await mountPanel(ctx, deps(session.signal), readyView());
    panel.update(readyView({ cached: true }));
    end(session);
    expect(hooks.leftOnPage()).toEqual([]);
    expect(hooks.observing()).toEqual([]);
    expect(document.getElementById('perspective-map')).toBeNull();
  });

  it('removed while still waiting for a place: stops looking, and nothing appears when the place does', async () => {
    watchPage(false);
    const signal = new AbortController().signal;
    const hooks = record();
    const panel = await mountPanel(ctx, deps(signal), readyView());
    panel.remove();
    expect(hooks.leftOnPage()).toEqual([]);
    expect(hooks.observing()).toEqual([]);
    const below = document.createElement('div');
    below.id = 'below';
    document.querySelector('ytd-watch-flexy')!.append(below);
    await new Promise((r) => setTimeout(r, 600));
    expect(document.getElementById('perspective-map')).toBeNull();
  });

  it('twenty mounts and removes on one context leave nothing on it', async () => {
    watchPage();
    const hooks = record();
    for (let i = 0; i < 20; i++) {
      const panel = await mountPanel(ctx, deps(new AbortController().signal), { state: 'loading', videoId: `video${i}` });
      panel.remove();
    }
    expect(hooks.leftOnPage()).toEqual([]);
    expect(hooks.observing()).toEqual([]);
  });
});
