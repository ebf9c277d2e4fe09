import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMatcherMemo } from '../../../src/background/matcher-memo';
import { createScoringService } from '../../../src/background/scoring-service';
import { parseCaptions } from '../../../src/captions/parse-captions';
import { openCache } from '../../../src/cache/open-cache';
import { lexiconSetHash } from '../../../src/lexicons/lexicon-hash';
import { resolveLexicons } from '../../../src/lexicons/resolve-lexicons';
import { compileMatcher } from '../../../src/scoring/compile-matcher';
import { scoreCues, scoreCuesWithHits } from '../../../src/scoring/score-cues';
import { SCORER_VERSION } from '../../../src/scoring/scorer-version';
import { defaultSettings, readSettings, settingsItem } from '../../../src/settings/settings';
import { SEED_TRACK, seedPrefix } from './seed-episode';

/** Issue 9 §5: the worker compiles the matcher once per lexicon set, not once per request. */
const BODY = seedPrefix(300);

describe('matcher memo', () => {
  const lexicons = (ids: string[]) => resolveLexicons(ids, []).lexicons;

  it('compiles a lexicon set once, whatever array it arrives in; another set compiles afresh', () => {
    const compile = vi.fn(compileMatcher);
    const memo = createMatcherMemo(compile);
    const a1 = lexicons(['ai-risk', 'ai-opportunity']);
    const a2 = lexicons(['ai-opportunity', 'ai-risk']); // a new array, the same set
    const first = memo.get(a1, lexiconSetHash(a1));
    expect(memo.get(a2, lexiconSetHash(a2))).toBe(first);
    expect(compile).toHaveBeenCalledTimes(1);
    const b = lexicons(['ai-risk']);
    expect(memo.get(b, lexiconSetHash(b))).not.toBe(first);
    expect(compile).toHaveBeenCalledTimes(2);
  });

  it('keeps at most `limit` sets, dropping the least recently used', () => {
    const compile = vi.fn(compileMatcher);
    const memo = createMatcherMemo(compile, 2);
    const sets = [['ai-risk'], ['ai-opportunity'], ['societal-harm']].map(lexicons);
    const get = (i: number) => memo.get(sets[i]!, lexiconSetHash(sets[i]!));
    get(0);
    get(1);
    get(0); // 0 is now the most recent
    get(2); // drops 1
    expect(memo.size).toBe(2);
    expect(compile).toHaveBeenCalledTimes(3);
    get(0);
    expect(compile).toHaveBeenCalledTimes(3);
    get(1);
    expect(compile).toHaveBeenCalledTimes(4);
  });
});

describe('scoring service with the memo', () => {
  beforeEach(() => fakeBrowser.reset());

  const service = (compile: typeof compileMatcher | undefined) =>
    createScoringService({
      openCache: () => openCache({ indexedDB: new IDBFactory(), now: () => 1_000, log: { warn: () => {} } }),
      readSettings: () => readSettings(),
      parseCaptions,
      scoreCues,
    scoreCuesWithHits,
      ...(compile ? { compileMatcher: compile } : {}),
      resolveLexicons,
      lexiconSetHash,
      scorerVersion: SCORER_VERSION,
      log: { warn: () => {} },
    });
  const score = (svc: ReturnType<typeof service>, videoId: string) =>
    svc.score({ videoId, track: SEED_TRACK, source: 'player', body: BODY, requestId: videoId });

  it('scores video after video with one compile while the lexicons stay; a lexicon change compiles once more', async () => {
    const compile = vi.fn(compileMatcher);
    const svc = service(compile);
    const first = await score(svc, 'videoAAAAA1');
    await score(svc, 'videoAAAAA2');
    await score(svc, 'videoAAAAA3');
    expect(compile).toHaveBeenCalledTimes(1);
    await settingsItem.setValue({ ...defaultSettings(), enabledLexicons: ['ai-risk', 'lens-technical'] });
    await score(svc, 'videoAAAAA4');
    expect(compile).toHaveBeenCalledTimes(2);
    // The lexicon change re-scores the first video's cached cues with the same new set: no compile.
    expect((await svc.lookup({ videoId: 'videoAAAAA1', track: SEED_TRACK }))?.origin).toBe('cues');
    expect(compile).toHaveBeenCalledTimes(2);
    // Reusing the matcher changes nothing in the map.
    await settingsItem.setValue(defaultSettings());
    const again = await score(service(undefined), 'videoAAAAA1');
    expect(again.map).toEqual(first.map);
  });
});
