import { describe, expect, it } from 'vitest';
import { readCaptionState, restoreCaptionState, switchCaptionsOn } from '../../../src/main-world/caption-state';
import type { MoviePlayer } from '../../../src/main-world/movie-player';
import { startPotObserver } from '../../../src/main-world/pot-observer';
import { clientParams } from '../../../src/main-world/start-main-world';

const PLAYER_URL =
  'https://www.youtube.com/api/timedtext?v=4WNWeUQ7Hfc&ei=x&caps=asr&opi=1&exp=xpe&xoaf=5&hl=en&ip=0.0.0.0&sparams=ip,expire&signature=S&key=yt8&kind=asr&lang=en&potc=1&pot=MlTokenABC&fmt=json3&xorb=2&xobt=3&xovt=3&cbr=Chrome&cbrver=156.0.0.0&c=WEB&cver=2.20261120.01.00&cplayer=UNIPLAYER&cos=X11&cplatform=DESKTOP';

/** A page window whose resource entries the test controls (the observer reads nothing else). */
function pageWindow() {
  const entries: { name: string }[] = [];
  let deliver: ((list: { getEntries(): { name: string }[] }) => void) | null = null;
  class FakePerformanceObserver {
    constructor(callback: (list: { getEntries(): { name: string }[] }) => void) {
      deliver = callback;
    }
    observe(options: { type: string; buffered?: boolean }) {
      expect(options).toEqual({ type: 'resource', buffered: true });
    }
    disconnect() {
      deliver = null;
    }
  }
  const win = {
    performance: { getEntriesByType: () => entries as unknown as PerformanceEntry[] },
    PerformanceObserver: FakePerformanceObserver as unknown as typeof PerformanceObserver,
    location: { href: 'https://www.youtube.com/watch?v=4WNWeUQ7Hfc' },
  };
  return {
    win,
    entries,
    /** The browser queuing resource entries to the observer. */
    observe: (...names: string[]) => deliver?.({ getEntries: () => names.map((name) => ({ name })) }),
  };
}

describe('pot observer (resource timing only)', () => {
  it('learns the pot from the player request the PerformanceObserver reports; other videos are unknown', () => {
    const { win, observe } = pageWindow();
    const observer = startPotObserver(win);
    observe('https://www.youtube.com/s/player/base.js', PLAYER_URL);
    expect(observer.latest('4WNWeUQ7Hfc')).toMatchObject({ pot: 'MlTokenABC', videoId: '4WNWeUQ7Hfc', url: PLAYER_URL });
    expect(observer.latest('BBBBBBBBBBB')).toBeNull();
  });

  it('hostile or odd entry names never throw; a URL without a pot teaches nothing', () => {
    const { win, observe } = pageWindow();
    const observer = startPotObserver(win);
    expect(() => observe('http://[::1', '/api/timedtext?v=%E0%A4%A', 'https://www.youtube.com/api/timedtext?v=4WNWeUQ7Hfc&lang=en')).not.toThrow();
    expect(observer.latest('4WNWeUQ7Hfc')).toBeNull();
  });

  it('the buffered entries are a second source (scanResourceEntries), and stop() disconnects', () => {
    const { win, entries, observe } = pageWindow();
    entries.push({ name: PLAYER_URL });
    const observer = startPotObserver(win);
    expect(observer.latest('4WNWeUQ7Hfc')).toBeNull();
    observer.scanResourceEntries();
    expect(observer.latest('4WNWeUQ7Hfc')?.pot).toBe('MlTokenABC');
    observer.stop();
    observe(PLAYER_URL.replace('MlTokenABC', 'Later'));
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
