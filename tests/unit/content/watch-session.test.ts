import { describe, expect, it, vi } from 'vitest';
import type { AcquisitionStrategy } from '../../../src/acquisition/acquisition-strategy';
import type { BridgeClient } from '../../../src/bridge/bridge-client';
import type { CaptionTrack } from '../../../src/captions/caption-track';
import { createBackgroundClient, WORKER_STOPPED_MESSAGE } from '../../../src/content/background-client';
import { classifyPage } from '../../../src/content/page-kind';
import { MessageError } from '../../../src/messaging/message-error';
import { WatchPageController, type ControllerDeps } from '../../../src/content/watch-page-controller';
import { AD_MESSAGE, NO_CAPTIONS_MESSAGE, UNAVAILABLE_MESSAGE } from '../../../src/content/watch-session';
import type { MapAnswer } from '../../../src/messaging/protocol';
import type { PanelDeps, PanelView } from '../../../src/panel/panel-view';
import { createShowAnywayStore, type StorageArea } from '../../../src/settings/show-anyway';
import type { PerspectiveMap } from '../../../src/scoring/perspective-map';
import { defaultSettings } from '../../../src/settings/settings';

const A = 'AAAAAAAAAAA';
const B = 'BBBBBBBBBBB';
const watch = (id: string) => `https://www.youtube.com/watch?v=${id}`;
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));
/** The player's ad flag changes: the session hears it through watchAd, as it would from the page. */
const setAd = (world: { ad: boolean; adWatchers?: Set<() => void> }, ad: boolean) => {
  world.ad = ad;
  for (const notify of world.adWatchers ?? []) notify();
};

const track = (videoId: string, lang: string, asr = false): CaptionTrack => ({
  baseUrl: `https://www.youtube.com/api/timedtext?v=${videoId}&lang=${lang}${asr ? '&kind=asr' : ''}&exp=xpe`,
  languageCode: lang,
  vssId: `${asr ? 'a' : ''}.${lang}`,
  name: lang,
  ...(asr ? { kind: 'asr' as const } : {}),
});

const mapFor = (videoId: string, slices: number, onTopic = true): PerspectiveMap =>
  ({
    videoId,
    slices: Array.from({ length: slices }, (_, index) => ({ index })),
    headline: { topic: { onTopic, aiMentionsPerHour: onTopic ? 60 : 4 } },
  }) as unknown as PerspectiveMap;

interface World {
  tracks: Record<string, CaptionTrack[] | 'none'>;
  /** ms each video's strategy takes. */
  delay: Record<string, number>;
  ad: boolean;
  /** Who watches the player's ad flag (the session's watchAd); `setAd` tells them. */
  adWatchers?: Set<() => void>;
  /** videoDetails the helper's snapshot carries, per video. */
  details?: Record<string, { title: string; channel: string; channelId: string | null; durationSec: number | null }>;
}

function setup(world: World, strategyOutcome?: AcquisitionStrategy['acquire'], topics: { offTopic?: string[]; area?: StorageArea } = {}) {
  let panelDeps: PanelDeps | null = null;
  const views: PanelView[] = [];
  const scored: string[] = [];
  const sentDetails: unknown[] = [];
  const bridge = {
    nonce: 'n',
    async request(_op: string, args: { videoId: string }) {
      const t = world.tracks[args.videoId];
      if (!t) throw new Error('no player');
      return t === 'none'
        ? { videoId: args.videoId, listing: { status: 'no-captions', videoId: args.videoId }, innertube: null }
        : { videoId: args.videoId, listing: { status: 'ok', videoId: args.videoId, tracks: t }, innertube: null, ...(world.details?.[args.videoId] ? { details: world.details[args.videoId] } : {}) };
    },
  } as unknown as BridgeClient;
  const strategy: AcquisitionStrategy = {
    name: 'player',
    acquire:
      strategyOutcome ??
      (async (req) => {
        await tick(world.delay[req.videoId] ?? 1);
        return { ok: true, body: `{"events":[]} ${req.videoId} ${req.track.vssId}`, detail: 'ok' };
      }),
  };
  const deps: ControllerDeps = {
    bridge,
    strategies: [strategy],
    listWithoutHelper: async () => {
      throw new Error('the helper answered in these tests');
    },
    background: {
      lookup: async () => null,
      score: async (args): Promise<MapAnswer> => {
        scored.push(`${args.videoId} ${args.track.vssId}`);
        sentDetails.push(args.details);
        const baseline = world.details?.[args.videoId] ? { others: 3, moreRiskForwardThan: 2, moreOpportunityForwardThan: 1, sentence: 'More risk-forward than 2 of your 3 other episodes from this channel' } : undefined;
        return { map: mapFor(args.videoId, args.videoId === A ? 7 : 3, !(topics.offTopic ?? []).includes(args.videoId)), origin: 'scored', ...(baseline ? { baseline } : {}) };
      },
    },
    preferredLanguage: async () => 'en-US',
    showAnyway: topics.area ? createShowAnywayStore(topics.area) : { has: async () => false, remember: async () => undefined },
    isAdShowing: () => world.ad,
    watchAd: (onChange, signal) => {
      const watchers = (world.adWatchers ??= new Set());
      watchers.add(onChange);
      signal.addEventListener('abort', () => watchers.delete(onChange), { once: true });
    },
    newRequestId: () => `req-${Math.random()}`,
    timings: { snapshotMs: 500, strategyMs: 500 },
    mountPanel: async (d, view) => {
      panelDeps = d;
      views.push(view);
      return { update: (v) => void views.push(v), remove: () => void views.push({ state: 'skipped', videoId: 'removed' }) };
    },
    getVideo: () => null,
    readSettings: async () => defaultSettings(),
    writeCollapsed: async () => undefined,
    writeTranscriptOpen: async () => undefined,
    loadTranscript: async ({ from }) => ({ total: 0, from, cues: [] }),
    copyText: async () => undefined,
  };
  const life = new AbortController();
  const controller = new WatchPageController(deps, life.signal);
  return { controller, views, scored, sentDetails, life, last: () => views.at(-1)!, panelDeps: () => panelDeps! };
}

describe('classifyPage', () => {
  it.each([
    ['https://www.youtube.com/watch?v=4WNWeUQ7Hfc&t=10s', { kind: 'watch', videoId: '4WNWeUQ7Hfc' }],
    ['https://www.youtube.com/shorts/4WNWeUQ7Hfc', { kind: 'shorts', videoId: '4WNWeUQ7Hfc' }],
    ['https://www.youtube.com/embed/4WNWeUQ7Hfc', { kind: 'embed', videoId: '4WNWeUQ7Hfc' }],
    ['https://www.youtube.com/', { kind: 'other' }],
    ['https://www.youtube.com/watch?v=bad', { kind: 'other' }],
    ['https://www.youtube.com/results?search_query=x', { kind: 'other' }],
  ])('%s', (href, kind) => expect(classifyPage(href)).toEqual(kind));
});

describe('off-topic (DESIGN §9.1)', () => {
  it('an off-topic map is shown as off-topic with the full map; "show anyway" draws it and remembers the video', async () => {
    const area = memoryArea();
    const first = setup({ tracks: { [A]: [track(A, 'en')] }, delay: {}, ad: false }, undefined, { offTopic: [A], area });
    first.controller.onLocation(watch(A));
    await tick(40);
    expect(first.last()).toMatchObject({ state: 'off-topic', videoId: A, source: 'player', track: { vssId: '.en' } });
    expect(first.last().map?.slices).toHaveLength(7);
    first.panelDeps().onShowAnyway();
    await tick(5);
    expect(first.last()).toMatchObject({ state: 'ready', videoId: A });
    expect(first.last().map?.slices).toHaveLength(7);
    expect(first.scored).toHaveLength(1); // drawn from the map already made, not re-scored
    expect(await createShowAnywayStore(area).has(A)).toBe(true);
    first.life.abort();

    // A reload (a new page, the same storage): ready at once; another off-topic video is still off-topic.
    const reload = setup({ tracks: { [A]: [track(A, 'en')], [B]: [track(B, 'en')] }, delay: {}, ad: false }, undefined, { offTopic: [A, B], area });
    reload.controller.onLocation(watch(A));
    await tick(40);
    expect(reload.views.map((v) => v.state)).not.toContain('off-topic');
    expect(reload.last()).toMatchObject({ state: 'ready', videoId: A });
    reload.controller.onLocation(watch(B));
    await tick(40);
    expect(reload.last()).toMatchObject({ state: 'off-topic', videoId: B });
  });

  it('an on-topic map is ready; "show anyway" outside the off-topic state does nothing', async () => {
    const area = memoryArea();
    const { controller, last, panelDeps } = setup({ tracks: { [A]: [track(A, 'en')] }, delay: {}, ad: false }, undefined, { area });
    controller.onLocation(watch(A));
    await tick(40);
    expect(last()).toMatchObject({ state: 'ready' });
    panelDeps().onShowAnyway();
    await tick(5);
    expect(await createShowAnywayStore(area).count()).toBe(0);
  });

  it('the choice is drawn even when it cannot be stored', async () => {
    const broken: StorageArea = { get: async () => ({}), set: async () => Promise.reject(new Error('quota')), remove: async () => undefined };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { controller, last, panelDeps } = setup({ tracks: { [A]: [track(A, 'en')] }, delay: {}, ad: false }, undefined, { offTopic: [A], area: broken });
    controller.onLocation(watch(A));
    await tick(40);
    panelDeps().onShowAnyway();
    await tick(5);
    expect(last()).toMatchObject({ state: 'ready', videoId: A });
    expect(controller.summary()).toMatchObject({ state: 'ready' });
    warn.mockRestore();
  });
});

function memoryArea(): StorageArea {
  const data = new Map<string, unknown>();
  return {
    get: async (keys) => {
      const wanted = keys === null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, data.get(k)]));
    },
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
    remove: async (keys) => void (typeof keys === 'string' ? [keys] : keys).forEach((k) => data.delete(k)),
  };
}

describe('watch session', () => {
  it('sends the page details with the score and shows the channel baseline the worker answers', async () => {
    const details = { title: 'A talk', channel: 'A channel', channelId: 'UCabc', durationSec: 600 };
    const { controller, last, sentDetails } = setup({ tracks: { [A]: [track(A, 'en')], [B]: [track(B, 'en')] }, delay: {}, ad: false, details: { [A]: details } });
    controller.onLocation(watch(A));
    await tick(40);
    expect(sentDetails).toEqual([details]);
    expect(last()).toMatchObject({ state: 'ready', channelBaseline: 'More risk-forward than 2 of your 3 other episodes from this channel' });
    controller.onLocation(watch(B));
    await tick(40);
    expect(sentDetails).toEqual([details, undefined]);
    expect(last().channelBaseline).toBeUndefined();
  });

  it('picks the preferred language, uploaded over ASR, and shows the map with its source', async () => {
    const { controller, last, scored } = setup({ tracks: { [A]: [track(A, 'de'), track(A, 'en', true), track(A, 'en')] }, delay: {}, ad: false });
    controller.onLocation(watch(A));
    await tick(40);
    expect(scored).toEqual([`${A} .en`]);
    expect(last()).toMatchObject({ state: 'ready', videoId: A, source: 'player', cached: false, track: { vssId: '.en' } });
    expect(last().tracks).toHaveLength(3);
  });

  it('A → B → A rapidly ends with A’s map and never shows B data', async () => {
    const { controller, views, last } = setup({ tracks: { [A]: [track(A, 'en')], [B]: [track(B, 'en')] }, delay: { [A]: 30, [B]: 5 }, ad: false });
    controller.onLocation(watch(A));
    await tick(2);
    controller.onLocation(watch(B));
    await tick(2);
    controller.onLocation(watch(A));
    await tick(120);
    expect(last()).toMatchObject({ state: 'ready', videoId: A });
    expect(last().map?.slices).toHaveLength(7);
    expect(views.filter((v) => v.state === 'ready').map((v) => v.videoId)).toEqual([A]);
  });

  it('a late result for the previous video is dropped', async () => {
    const { controller, views } = setup({ tracks: { [A]: [track(A, 'en')], [B]: [track(B, 'en')] }, delay: { [A]: 40, [B]: 200 }, ad: false });
    controller.onLocation(watch(A));
    await tick(5);
    controller.onLocation(watch(B));
    await tick(80);
    expect(views.some((v) => v.state === 'ready' && v.videoId === A)).toBe(false);
    expect(views.at(-1)).toMatchObject({ videoId: B, state: 'loading' });
  });

  it('no tracks → no-captions; every strategy failing → unavailable with what was tried', async () => {
    const s1 = setup({ tracks: { [A]: 'none' }, delay: {}, ad: false });
    s1.controller.onLocation(watch(A));
    await tick(20);
    expect(s1.last()).toMatchObject({ state: 'no-captions', message: NO_CAPTIONS_MESSAGE });

    const s2 = setup({ tracks: { [A]: [track(A, 'en')] }, delay: {}, ad: false }, async () => ({ ok: false, outcome: 'empty', detail: 'HTTP 200 with an empty body' }));
    s2.controller.onLocation(watch(A));
    await tick(20);
    expect(s2.last()).toMatchObject({ state: 'unavailable', message: UNAVAILABLE_MESSAGE, attempts: ['player: empty (HTTP 200 with an empty body)'] });
  });

  it('a malformed body (the worker rejects it) → error, and retry runs again', async () => {
    const s = setup({ tracks: { [A]: [track(A, 'en')] }, delay: {}, ad: false });
    let fail = true;
    const realScore = (s.controller as unknown as { deps: ControllerDeps }).deps.background.score;
    (s.controller as unknown as { deps: ControllerDeps }).deps.background.score = async (args) => {
      if (fail) throw new Error('The caption body is not valid json3');
      return realScore(args);
    };
    s.controller.onLocation(watch(A));
    await tick(20);
    expect(s.last()).toMatchObject({ state: 'error', message: 'The caption body is not valid json3' });
    fail = false;
    s.controller.rescore();
    await tick(20);
    expect(s.last()).toMatchObject({ state: 'ready', videoId: A });
  });

  it('an ad at start shows skipped, then the map after the ad', async () => {
    const world: World = { tracks: { [A]: [track(A, 'en')] }, delay: {}, ad: true };
    const s = setup(world);
    s.controller.onLocation(watch(A));
    await tick(40);
    expect(s.last()).toMatchObject({ state: 'skipped', videoId: A });
    expect(s.scored).toEqual([]);
    setAd(world, false);
    await tick(60);
    expect(s.last()).toMatchObject({ state: 'ready', videoId: A });
  });

  it('a mid-roll ad hides the map and brings the same map back when it ends', async () => {
    const world: World = { tracks: { [A]: [track(A, 'en')] }, delay: {}, ad: false };
    const s = setup(world);
    s.controller.onLocation(watch(A));
    await tick(40);
    expect(s.last()).toMatchObject({ state: 'ready', videoId: A });
    setAd(world, true);
    expect(s.last()).toMatchObject({ state: 'skipped', videoId: A, message: AD_MESSAGE });
    expect(s.controller.summary()).toMatchObject({ state: 'skipped' });
    setAd(world, false);
    expect(s.last()).toMatchObject({ state: 'ready', videoId: A });
    expect(s.scored).toHaveLength(1);
  });

  it('polls nothing: no interval while a map is shown, and its ad watch ends with the page', async () => {
    const intervals = vi.spyOn(globalThis, 'setInterval');
    const world: World = { tracks: { [A]: [track(A, 'en')] }, delay: {}, ad: false };
    const s = setup(world);
    s.controller.onLocation(watch(A));
    await tick(40);
    expect(s.last()).toMatchObject({ state: 'ready', videoId: A });
    expect(intervals).not.toHaveBeenCalled();
    // Leaving the page drops the session's ad watch.
    expect(world.adWatchers?.size).toBe(1);
    s.life.abort();
    expect(world.adWatchers?.size).toBe(0);
    intervals.mockRestore();
  });

  it('Shorts, embeds and non-watch pages remove the panel', async () => {
    const s = setup({ tracks: { [A]: [track(A, 'en')] }, delay: {}, ad: false });
    s.controller.onLocation(watch(A));
    await tick(20);
    s.controller.onLocation('https://www.youtube.com/shorts/AAAAAAAAAAA');
    expect(s.last()).toMatchObject({ videoId: 'removed' });
    expect(s.controller.summary()).toMatchObject({ videoId: null });
  });

  it('switching the track re-scores with the chosen track', async () => {
    const s = setup({ tracks: { [A]: [track(A, 'en'), track(A, 'de')] }, delay: {}, ad: false });
    s.controller.onLocation(watch(A));
    await tick(20);
    (s.controller as unknown as { session: { switchTrack(v: string): Promise<void> } }).session.switchTrack('.de');
    await tick(20);
    expect(s.scored).toEqual([`${A} .en`, `${A} .de`]);
    expect(s.last()).toMatchObject({ state: 'ready', track: { vssId: '.de' } });
  });

  it('a worker that stops twice while scoring → error with the sentence and a retry that then maps', async () => {
    const s = setup({ tracks: { [A]: [track(A, 'en')] }, delay: {}, ad: false });
    const deps = (s.controller as unknown as { deps: ControllerDeps }).deps;
    const realScore = deps.background.score;
    let failures = 2;
    const calls: string[] = [];
    deps.background = createBackgroundClient({
      newUploadId: () => 'u',
      yieldToEvents: async () => undefined,
      log: { warn: () => undefined },
      send: (async (type: string, args: never) => {
        calls.push(type);
        if (type === 'cs-bg:lookup') return null;
        if (failures-- > 0) throw new MessageError('Could not establish connection. Receiving end does not exist.', 'receiver-gone');
        return realScore(args);
      }) as never,
    });
    s.controller.onLocation(watch(A));
    await tick(40);
    expect(s.last()).toMatchObject({ state: 'error', videoId: A, message: WORKER_STOPPED_MESSAGE });
    expect(calls).toEqual(['cs-bg:lookup', 'cs-bg:score', 'cs-bg:score']);
    s.controller.rescore(); // the panel's Retry button
    await tick(40);
    expect(s.last()).toMatchObject({ state: 'ready', videoId: A });
  });

  it('a worker that stops once while scoring is invisible: the map comes without an error view', async () => {
    const s = setup({ tracks: { [A]: [track(A, 'en')] }, delay: {}, ad: false });
    const deps = (s.controller as unknown as { deps: ControllerDeps }).deps;
    const realScore = deps.background.score;
    let failures = 1;
    deps.background = createBackgroundClient({
      newUploadId: () => 'u',
      yieldToEvents: async () => undefined,
      log: { warn: () => undefined },
      send: (async (type: string, args: never) => {
        if (type === 'cs-bg:lookup') return null;
        if (failures-- > 0) throw new MessageError('No valid answer to "cs-bg:score"', 'no-answer');
        return realScore(args);
      }) as never,
    });
    s.controller.onLocation(watch(A));
    await tick(40);
    expect(s.last()).toMatchObject({ state: 'ready', videoId: A });
    expect(s.views.some((v) => v.state === 'error')).toBe(false);
  });
});
