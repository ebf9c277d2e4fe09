import { describe, expect, it } from 'vitest';
import type { AcquisitionStrategy, StrategyResult } from '../../../src/acquisition/acquisition-strategy';
import type { HelperlessListing } from '../../../src/acquisition/list-tracks-without-helper';
import { BridgeTimeoutError, type BridgeClient } from '../../../src/bridge/bridge-client';
import type { BridgeOps } from '../../../src/bridge/bridge-protocol';
import type { CaptionSource, CaptionTrack } from '../../../src/captions/caption-track';
import { WatchPageController, type ControllerDeps } from '../../../src/content/watch-page-controller';
import { AD_MESSAGE, HELPER_SILENT, LIVE_MESSAGE, PANEL_ONLY_TRACK, UNAVAILABLE_MESSAGE } from '../../../src/content/watch-session';
import type { PanelView } from '../../../src/panel/panel-view';
import type { PerspectiveMap } from '../../../src/scoring/perspective-map';
import { defaultSettings } from '../../../src/settings/settings';

/**
 * The session when the page helper is missing or silent (it falls back to what the isolated world can do alone)
 * and when the video is live right now (skipped, nothing fetched, nothing cached).
 */
const A = 'AAAAAAAAAAA';
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));
const gated: CaptionTrack = { baseUrl: `https://www.youtube.com/api/timedtext?v=${A}&exp=xpe&lang=en&kind=asr`, languageCode: 'en', kind: 'asr', vssId: 'a.en', name: 'English' };
const clean: CaptionTrack = { ...gated, baseUrl: `https://www.youtube.com/api/timedtext?v=${A}&lang=en&kind=asr&fmt=srv3` };

type Snapshot = BridgeOps['snapshot']['value'];
type Helper = Snapshot | 'silent' | 'fails';

interface Run {
  helper: Helper;
  alone?: Partial<HelperlessListing>;
  /** Outcome per strategy; absent strategies fail as unavailable. */
  outcomes?: Partial<Record<CaptionSource, StrategyResult>>;
  ad?: boolean;
}

function run(spec: Run) {
  const views: PanelView[] = [];
  const calls: string[] = [];
  const bridge = {
    nonce: 'n',
    async request(_op: string, args: { videoId: string }) {
      calls.push(`snapshot ${args.videoId}`);
      if (spec.helper === 'silent') throw new BridgeTimeoutError('page helper did not answer (snapshot, no handshake)');
      if (spec.helper === 'fails') throw new Error('the player has no response for this video');
      return spec.helper;
    },
  } as unknown as BridgeClient;
  const strategy = (name: CaptionSource): AcquisitionStrategy => ({
    name,
    acquire: async (req) => {
      calls.push(`${name} ${req.track.vssId} ${req.tracks.length}`);
      return spec.outcomes?.[name] ?? { ok: false, outcome: 'unavailable', detail: `${name} could not` };
    },
  });
  const deps: ControllerDeps = {
    bridge,
    strategies: [strategy('player'), strategy('direct'), strategy('panel')],
    listWithoutHelper: async (videoId) => {
      calls.push(`alone ${videoId}`);
      return { status: 'unknown', tracks: [], from: null, live: 'not-live', innertube: null, androidFailure: null, ...spec.alone };
    },
    background: {
      lookup: async () => {
        calls.push('lookup');
        return null;
      },
      score: async (args) => {
        calls.push(`score ${args.source}`);
        return { map: { videoId: args.videoId, slices: [], headline: { topic: { onTopic: true, aiMentionsPerHour: 60 } } } as unknown as PerspectiveMap, origin: 'scored' };
      },
    },
    preferredLanguage: async () => 'en',
    showAnyway: { has: async () => false, remember: async () => undefined },
    isAdShowing: () => spec.ad === true,
    watchAd: () => undefined,
    newRequestId: () => 'req',
    timings: { snapshotMs: 200, strategyMs: 200 },
    mountPanel: async (_d, view) => {
      views.push(view);
      return { update: (v) => void views.push(v), remove: () => undefined };
    },
    getVideo: () => null,
    readSettings: async () => defaultSettings(),
    writeCollapsed: async () => undefined,
    writeTranscriptOpen: async () => undefined,
    loadTranscript: async ({ from }) => ({ total: 0, from, cues: [] }),
    copyText: async () => undefined,
  };
  const controller = new WatchPageController(deps, new AbortController().signal);
  controller.onLocation(`https://www.youtube.com/watch?v=${A}`);
  return { controller, calls, last: () => views.at(-1)! };
}

const okSnapshot = (extra: Partial<Snapshot> = {}): Snapshot => ({ videoId: A, listing: { status: 'ok', videoId: A, tracks: [gated] }, innertube: null, ...extra });
const body: StrategyResult = { ok: true, body: '{"events":[]}', detail: 'ok' };
const botCheck = { strategy: 'direct' as const, outcome: 'bot-check' as const, detail: 'Sign in to confirm you’re not a bot' };

describe('the page helper is missing or silent', () => {
  it.each<[string, Helper, string]>([
    ['silent (no handshake / timeout)', 'silent', `player: ${HELPER_SILENT}`],
    ['failing (error answer)', 'fails', 'player: the page helper failed (the player has no response for this video)'],
  ])('%s: the ANDROID track list feeds `direct` (player skipped)', async (_name, helper, attempt) => {
    const r = run({ helper, alone: { status: 'ok', tracks: [clean], from: 'android' }, outcomes: { direct: body } });
    await tick(30);
    expect(r.calls).toEqual([`snapshot ${A}`, `alone ${A}`, 'lookup', 'direct a.en 1', 'score direct']);
    expect(r.last()).toMatchObject({ state: 'ready', source: 'direct', track: { vssId: 'a.en' } });

    const failing = run({ helper, alone: { status: 'ok', tracks: [clean], from: 'android' } });
    await tick(30);
    expect(failing.last()).toMatchObject({
      state: 'unavailable',
      message: UNAVAILABLE_MESSAGE,
      attempts: [attempt, 'direct: unavailable (direct could not)', 'panel: unavailable (panel could not)'],
    });
  });

  it('a bot check and page data only: the failed ANDROID request is listed, not repeated; the panel delivers', async () => {
    const r = run({ helper: 'silent', alone: { status: 'ok', tracks: [gated], from: 'page-data', androidFailure: botCheck }, outcomes: { panel: body } });
    await tick(30);
    expect(r.calls).toEqual([`snapshot ${A}`, `alone ${A}`, 'lookup', 'panel a.en 1', 'score panel']);
    expect(r.last()).toMatchObject({ state: 'ready', source: 'panel' });

    const none = run({ helper: 'silent', alone: { status: 'ok', tracks: [gated], from: 'page-data', androidFailure: botCheck } });
    await tick(30);
    expect(none.last().attempts).toEqual([`player: ${HELPER_SILENT}`, 'direct: bot-check (Sign in to confirm you’re not a bot)', 'panel: unavailable (panel could not)']);
  });

  it('no track list anywhere: the transcript panel is tried with a stand-in track', async () => {
    const r = run({ helper: 'silent', alone: { androidFailure: { strategy: 'direct', outcome: 'http-error', detail: 'player request: HTTP 403' } }, outcomes: { panel: body } });
    await tick(30);
    expect(r.calls).toEqual([`snapshot ${A}`, `alone ${A}`, 'lookup', `panel ${PANEL_ONLY_TRACK.vssId} 1`, 'score panel']);
    expect(r.last()).toMatchObject({ state: 'ready', source: 'panel' });
  });

  it('the fallback says so when the video has no captions', async () => {
    const r = run({ helper: 'silent', alone: { status: 'no-captions', from: 'android' } });
    await tick(30);
    expect(r.last()).toMatchObject({ state: 'no-captions' });
    expect(r.calls).toEqual([`snapshot ${A}`, `alone ${A}`]);
  });
});

describe('live streams', () => {
  it.each<[string, Run]>([
    ['the helper says live', { helper: okSnapshot({ live: true }) }],
    ['the fallback says live', { helper: 'silent', alone: { status: 'ok', tracks: [clean], from: 'android', live: 'live' } }],
  ])('%s → skipped with the reason; no lookup, no caption fetch, no score', async (_name, spec) => {
    const r = run({ ...spec, outcomes: { player: body, direct: body } });
    await tick(30);
    expect(r.last()).toMatchObject({ state: 'skipped', message: LIVE_MESSAGE });
    expect(r.calls.filter((c) => !c.startsWith('snapshot') && !c.startsWith('alone'))).toEqual([]);
    expect(r.controller.summary()).toMatchObject({ state: 'skipped', message: LIVE_MESSAGE, map: null });
  });

  it('an ended live stream (live false) maps normally', async () => {
    const r = run({ helper: okSnapshot(), outcomes: { player: body } });
    await tick(30);
    expect(r.last()).toMatchObject({ state: 'ready', source: 'player' });
  });
});

describe('the popup summary carries the panel’s sentence', () => {
  it.each<[string, Run, Record<string, unknown>]>([
    ['unavailable', { helper: okSnapshot() }, { state: 'unavailable', message: UNAVAILABLE_MESSAGE }],
    ['an ad', { helper: okSnapshot(), ad: true }, { state: 'skipped', message: AD_MESSAGE }],
  ])('%s', async (_name, spec, expected) => {
    const r = run(spec);
    await tick(30);
    expect(r.controller.summary()).toMatchObject(expected);
  });

  it('a map has no message', async () => {
    const r = run({ helper: okSnapshot(), outcomes: { player: body } });
    await tick(30);
    const summary = r.controller.summary();
    expect(summary.state).toBe('ready');
    expect(summary).not.toHaveProperty('message');
  });
});
