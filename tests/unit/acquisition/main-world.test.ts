import { describe, expect, it, vi } from 'vitest';
import { readCaptionState, restoreCaptionState, switchCaptionsOn } from '../../../src/main-world/caption-state';
import type { MoviePlayer } from '../../../src/main-world/movie-player';
import { startPotObserver, type PotObserverWindow } from '../../../src/main-world/pot-observer';
import { clientParams } from '../../../src/main-world/start-main-world';

const PLAYER_URL =
  'https://www.youtube.com/api/timedtext?v=4WNWeUQ7Hfc&ei=x&caps=asr&opi=1&exp=xpe&xoaf=5&hl=en&ip=0.0.0.0&sparams=ip,expire&signature=S&key=yt8&kind=asr&lang=en&potc=1&pot=MlTokenABC&fmt=json3&xorb=2&xobt=3&xovt=3&cbr=Chrome&cbrver=156.0.0.0&c=WEB&cver=2.20261120.01.00&cplayer=UNIPLAYER&cos=X11&cplatform=DESKTOP';

function pageWindow() {
  const earlier = vi.fn(async (_input: unknown, _init?: unknown) => 'page-result' as unknown as Response);
  class XHR {
    open(this: XHR & { opened?: unknown[] }, ...args: unknown[]) {
      this.opened = args;
      return 'open-result';
    }
  }
  const win = {
    fetch: earlier as unknown as typeof fetch,
    XMLHttpRequest: XHR as unknown as PotObserverWindow['XMLHttpRequest'],
    performance: { getEntriesByType: () => [] as PerformanceEntry[] },
    location: { href: 'https://www.youtube.com/watch?v=4WNWeUQ7Hfc' },
  };
  return { win, earlier, XHR };
}

describe('pot observer (read-only)', () => {
  it('fetch: calls through to what was there before with the same this/args and result; learns the pot', async () => {
    const { win, earlier } = pageWindow();
    const observer = startPotObserver(win);
    const init = { method: 'GET' };
    const thisArg = { marker: 1 };
    await expect(win.fetch.call(thisArg, PLAYER_URL, init)).resolves.toBe('page-result');
    expect(earlier).toHaveBeenCalledWith(PLAYER_URL, init);
    expect(earlier.mock.contexts[0]).toBe(thisArg);
    expect(observer.latest('4WNWeUQ7Hfc')).toMatchObject({ pot: 'MlTokenABC', videoId: '4WNWeUQ7Hfc' });
    expect(observer.latest('BBBBBBBBBBB')).toBeNull();
  });

  it('XMLHttpRequest.open: same pass-through; hostile inputs never throw from our part', () => {
    const { win, XHR } = pageWindow();
    const observer = startPotObserver(win);
    const xhr = new XHR() as InstanceType<typeof XHR> & { opened?: unknown[] };
    const evil = { toString: () => { throw new Error('trap'); } };
    expect((xhr.open as (...a: unknown[]) => unknown)('GET', PLAYER_URL, true)).toBe('open-result');
    expect(xhr.opened).toEqual(['GET', PLAYER_URL, true]);
    expect(() => (xhr.open as (...a: unknown[]) => unknown)('GET', evil)).not.toThrow();
    expect(observer.latest('4WNWeUQ7Hfc')?.pot).toBe('MlTokenABC');
  });

  it('stop() unwraps only when nobody wrapped on top (another extension keeps working)', () => {
    const { win, earlier } = pageWindow();
    const observer = startPotObserver(win);
    const ours = win.fetch;
    const theirs = ((...a: Parameters<typeof fetch>) => ours(...a)) as typeof fetch;
    win.fetch = theirs;
    observer.stop();
    expect(win.fetch).toBe(theirs);
    const { win: win2, earlier: earlier2 } = pageWindow();
    startPotObserver(win2).stop();
    expect(win2.fetch).toBe(earlier2);
    expect(earlier).not.toHaveBeenCalled();
  });

  it('performance resource entries are a second source', () => {
    const { win } = pageWindow();
    win.performance.getEntriesByType = () => [{ name: PLAYER_URL } as PerformanceEntry];
    const observer = startPotObserver(win);
    expect(observer.latest('4WNWeUQ7Hfc')).toBeNull();
    observer.scanResourceEntries();
    expect(observer.latest('4WNWeUQ7Hfc')?.pot).toBe('MlTokenABC');
  });

  it('the player request’s client identity is kept for our URL', () => {
    expect(clientParams(PLAYER_URL)).toEqual({ cbr: 'Chrome', cbrver: '156.0.0.0', c: 'WEB', cver: '2.20261120.01.00', cplayer: 'UNIPLAYER', cos: 'X11', cplatform: 'DESKTOP' });
    expect(clientParams('https://www.youtube.com/api/timedtext?v=x')).toEqual({ c: 'WEB' });
  });
});

/** A player with the semantics the facts give (YOUTUBE-FACTS §1): `{}` turns captions off; set turns on. */
function fakePlayer(initial: { on: boolean; lang: string | null }) {
  const state = { ...initial, loaded: initial.on };
  const player: MoviePlayer = {
    getPlayerResponse: () => ({}),
    isSubtitlesOn: () => state.on,
    getOption: (_m, o) => (o === 'track' ? (state.on && state.lang ? { languageCode: state.lang, vss_id: `.${state.lang}` } : {}) : undefined),
    setOption: (_m, _o, v) => {
      const lang = (v as { languageCode?: string }).languageCode;
      if (!lang) state.on = false;
      else Object.assign(state, { on: true, lang });
    },
    loadModule: () => void (state.loaded = true),
    toggleSubtitles: () => void (state.on = !state.on),
  };
  return { player, state };
}

describe('captions on briefly, then the user’s exact state', () => {
  it.each([
    [{ on: false, lang: null }, 'en', { on: false }],
    [{ on: true, lang: 'de' }, 'en', { on: true, lang: 'de' }],
    [{ on: true, lang: 'en' }, 'en', { on: true, lang: 'en' }],
  ])('%j, switched to %s → restored to %j', (initial, lang, expected) => {
    const { player, state } = fakePlayer(initial);
    const before = readCaptionState(player);
    switchCaptionsOn(player, lang);
    expect(state).toMatchObject({ on: true, lang });
    restoreCaptionState(player, before);
    expect(state).toMatchObject(expected);
  });
});
