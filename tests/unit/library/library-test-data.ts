import { IDBFactory as FakeIDBFactory } from 'fake-indexeddb';
import { createScoringService } from '../../../src/background/scoring-service';
import { parseCaptions } from '../../../src/captions/parse-captions';
import { openCache, type CacheLimits } from '../../../src/cache/open-cache';
import { lexiconSetHash } from '../../../src/lexicons/lexicon-hash';
import { resolveLexicons } from '../../../src/lexicons/resolve-lexicons';
import { createLibraryRecorder } from '../../../src/library/library-recorder';
import { entryFromMap } from '../../../src/library/library-entry';
import type { LibraryEntry, LibrarySettings } from '../../../src/library/library-schema';
import { openLibrary } from '../../../src/library/open-library';
import type { PerspectiveMap } from '../../../src/scoring/perspective-map';
import { scoreCues, scoreCuesWithHits } from '../../../src/scoring/score-cues';
import { bandOf } from '../../../src/scoring/slice-score';
import { SCORER_VERSION } from '../../../src/scoring/scorer-version';
import { defaultSettings } from '../../../src/settings/settings';
import { sampleMap, TRACK } from '../cache/cache-test-data';

export { TRACK };

/** A fresh fake IndexedDB whose library already holds `entries` (the connection that wrote them is closed). */
export async function seededLibraryFactory(entries: readonly LibraryEntry[]): Promise<IDBFactory> {
  const factory = new FakeIDBFactory();
  const seed = await openLibrary({ indexedDB: factory });
  await seed.put(...entries);
  seed.close();
  return factory;
}

/** A real scoring service over a real cache and a recorder over a real library, all on one fake IndexedDB. */
export function libraryRig(factory: IDBFactory, opts: { limits?: CacheLimits; library?: Partial<LibrarySettings>; now?: () => number } = {}) {
  const now = opts.now ?? (() => 1_700_000_000_000);
  const settings = { ...defaultSettings(), library: { ...defaultSettings().library, ...opts.library } };
  const cache = () => openCache({ indexedDB: factory, now, limits: opts.limits, log: { warn: () => {} } });
  const service = createScoringService({
    openCache: cache,
    readSettings: async () => settings,
    parseCaptions,
    scoreCues,
    scoreCuesWithHits,
    resolveLexicons,
    lexiconSetHash,
    scorerVersion: SCORER_VERSION,
    log: { warn: () => {} },
  });
  const recorder = createLibraryRecorder({
    openLibrary: () => openLibrary({ indexedDB: factory, log: { warn: () => {} } }),
    readLibrarySettings: async () => settings.library,
    now,
    scorerVersion: SCORER_VERSION,
    listCachedMaps: async () => (await cache()).listMaps(),
    lookup: (args) => service.lookup(args),
    log: { warn: () => {} },
  });
  return { service, recorder, settings, cache, library: () => openLibrary({ indexedDB: factory, log: { warn: () => {} } }) };
}

/** A map whose median/stance sit at `position` (the scorer is not involved). */
export function mapAt(videoId: string, position: number, opts: { stance?: boolean; scorerVersion?: string } = {}): PerspectiveMap {
  const map = sampleMap(videoId, { scorerVersion: opts.scorerVersion ?? SCORER_VERSION });
  map.headline = { ...map.headline, median: position, p10: position - 5, p90: position + 5, min: position - 9, max: position + 9, leaning: bandOf(position) };
  if (opts.stance) Object.assign(map.headline, { stance: position, topic: { onTopic: true, aiMentionsPerHour: 12 } });
  else {
    // A map from a scorer before the stance (v1.x): no headline.stance or headline.topic.
    const headline = map.headline as Partial<PerspectiveMap['headline']>;
    delete headline.stance;
    delete headline.topic;
  }
  return map;
}

export function entryAt(videoId: string, position: number, over: Partial<LibraryEntry> = {}): LibraryEntry {
  return {
    ...entryFromMap({
      videoId,
      map: mapAt(videoId, position, { stance: true }),
      track: TRACK,
      source: 'player',
      details: { title: `Episode ${videoId}`, channel: 'Channel One', channelId: 'UCchannel000000000000001', durationSec: 3600 },
      mappedAt: 1_000,
      lastWatchedAt: 1_000,
    }),
    ...over,
  };
}

/** 11-character video ids. */
export const vid = (n: number) => `vid${String(n).padStart(8, '0')}`;
