/**
 * Issue 9: the page watcher follows navigation on events alone. A watch page left alone (a paused video, a
 * scrolled-away panel, a background tab) must cost nothing: no timer exists, so none can fire.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchPage, type PageWatcherWindow } from '../../../src/content/page-watcher';

const WATCH_A = 'https://www.youtube.com/watch?v=AAAAAAAAAAA';
const WATCH_B = 'https://www.youtube.com/watch?v=BBBBBBBBBBB';

/** A window made of plain EventTargets: the document, the window itself, the Navigation API object. */
function fakeWindow(href: string) {
  const document = new EventTarget();
  const navigation = new EventTarget();
  const location = { href };
  const win = Object.assign(new EventTarget(), {
    document: document as unknown as Document,
    location,
    navigation,
    // Handed over so that a watcher which still polls shows up in the timer count.
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms) as unknown as number,
    clearInterval: (id: number) => clearInterval(id),
  });
  return { win: win as unknown as PageWatcherWindow & EventTarget, document, navigation, location };
}

describe('watchPage', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sets no timer: a page left alone runs nothing, however long', () => {
    const { win } = fakeWindow(WATCH_A);
    const seen: string[] = [];
    const life = new AbortController();
    watchPage(win, (href) => seen.push(href), life.signal);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(seen).toEqual([WATCH_A]);
    life.abort();
  });

  it.each([
    ['yt-navigate-finish on document', (w: ReturnType<typeof fakeWindow>) => w.document.dispatchEvent(new Event('yt-navigate-finish'))],
    ['yt-navigate-finish on window', (w: ReturnType<typeof fakeWindow>) => w.win.dispatchEvent(new Event('yt-navigate-finish'))],
    ['yt-page-data-updated', (w: ReturnType<typeof fakeWindow>) => w.document.dispatchEvent(new Event('yt-page-data-updated'))],
    ['popstate', (w: ReturnType<typeof fakeWindow>) => w.win.dispatchEvent(new Event('popstate'))],
    ['a history.pushState (Navigation API currententrychange)', (w: ReturnType<typeof fakeWindow>) => w.navigation.dispatchEvent(new Event('currententrychange'))],
    ['Navigation API navigatesuccess', (w: ReturnType<typeof fakeWindow>) => w.navigation.dispatchEvent(new Event('navigatesuccess'))],
    ["a <video>'s loadstart (captured on document)", (w: ReturnType<typeof fakeWindow>) => w.document.dispatchEvent(new Event('loadstart'))],
    ['playback resuming (playing)', (w: ReturnType<typeof fakeWindow>) => w.document.dispatchEvent(new Event('playing'))],
  ])('reports the new URL on %s, once', (_name, fire) => {
    const w = fakeWindow(WATCH_A);
    const seen: string[] = [];
    const life = new AbortController();
    watchPage(w.win, (href) => seen.push(href), life.signal);
    w.location.href = WATCH_B;
    fire(w);
    fire(w);
    expect(seen).toEqual([WATCH_A, WATCH_B]);
    life.abort();
  });

  it('after the abort nothing reaches the callback and no timer is left', () => {
    const w = fakeWindow(WATCH_A);
    const seen: string[] = [];
    const life = new AbortController();
    watchPage(w.win, (href) => seen.push(href), life.signal);
    life.abort();
    w.location.href = WATCH_B;
    for (const type of ['yt-navigate-start', 'yt-navigate-finish', 'yt-page-data-updated', 'yt-player-updated', 'loadstart', 'playing']) {
      w.document.dispatchEvent(new Event(type));
      w.win.dispatchEvent(new Event(type));
    }
    w.win.dispatchEvent(new Event('popstate'));
    w.navigation.dispatchEvent(new Event('currententrychange'));
    w.navigation.dispatchEvent(new Event('navigatesuccess'));
    vi.advanceTimersByTime(10_000);
    expect(seen).toEqual([WATCH_A]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
