// @vitest-environment happy-dom
/**
 * The player's ad flag is followed by an attribute observer on the player root (issue 9: no 400 ms poll). These
 * tests use the page's real DOM (happy-dom) and fake timers: nothing is scheduled, changes are heard, a rebuilt
 * player is followed, and the abort takes everything away.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isAdShowing, watchAdFlag } from '../../../src/content/ad-watch';

function player(): HTMLElement {
  const root = document.createElement('div');
  root.id = 'movie_player';
  root.className = 'html5-video-player playing-mode';
  const video = document.createElement('video');
  root.append(video);
  document.body.append(root);
  return root;
}

/** MutationObserver callbacks are microtasks. */
const flush = () => new Promise((r) => queueMicrotask(() => r(undefined)));

describe('watchAdFlag', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval'] });
  });
  afterEach(() => void vi.useRealTimers());

  it('hears the ad classes come and go, with no timer', async () => {
    const root = player();
    const seen: boolean[] = [];
    const life = new AbortController();
    watchAdFlag({ doc: document, MutationObserver }, () => seen.push(isAdShowing(document)), life.signal);
    expect(vi.getTimerCount()).toBe(0);
    root.classList.add('ad-showing', 'ad-interrupting');
    await flush();
    root.classList.remove('ad-showing', 'ad-interrupting');
    await flush();
    expect(seen).toEqual([true, false]);
    life.abort();
  });

  it('does not react to the player subtree or to other attributes', async () => {
    const root = player();
    let calls = 0;
    const life = new AbortController();
    watchAdFlag({ doc: document, MutationObserver }, () => calls++, life.signal);
    root.append(document.createElement('div'));
    root.querySelector('video')!.setAttribute('src', 'x');
    root.setAttribute('aria-label', 'player');
    await flush();
    expect(calls).toBe(0);
    life.abort();
  });

  it('follows a player root that appears later or is replaced (on loadstart / yt-player-updated)', async () => {
    const seen: boolean[] = [];
    const life = new AbortController();
    watchAdFlag({ doc: document, MutationObserver }, () => seen.push(isAdShowing(document)), life.signal);
    const first = player();
    first.querySelector('video')!.dispatchEvent(new Event('loadstart'));
    first.classList.add('ad-showing');
    await flush();
    first.remove();
    const second = player();
    document.dispatchEvent(new Event('yt-player-updated'));
    second.classList.add('ad-interrupting');
    await flush();
    first.classList.remove('ad-showing'); // the old root is no longer watched
    await flush();
    expect(seen).toEqual([false, true, false, true]);
    life.abort();
  });

  it('after the abort: no observer, no listener reaches the callback', async () => {
    const root = player();
    let calls = 0;
    const life = new AbortController();
    watchAdFlag({ doc: document, MutationObserver }, () => calls++, life.signal);
    life.abort();
    root.classList.add('ad-showing');
    root.querySelector('video')!.dispatchEvent(new Event('loadstart'));
    document.dispatchEvent(new Event('yt-player-updated'));
    document.dispatchEvent(new Event('yt-navigate-finish'));
    await flush();
    expect(calls).toBe(0);
  });
});
