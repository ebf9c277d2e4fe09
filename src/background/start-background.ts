import { openCache } from '../cache/open-cache';
import { createLibraryRecorder, type LibraryRecorder } from '../library/library-recorder';
import { openLibrary } from '../library/open-library';
import { onBackgroundMessage, sendToTab } from '../messaging/extension-messaging';
import { SCORER_VERSION } from '../scoring/scorer-version';
import { readSettings } from '../settings/settings';
import type { MapAnswer, LookupArgs } from '../messaging/protocol';
import { createScoringService, type ScoringService } from './scoring-service';
import { SCORING_ENGINE } from './scoring-engine';

export interface BackgroundDeps {
  /** IndexedDB factory (tests pass a fresh fake-indexeddb one); defaults to the worker's. */
  indexedDB?: IDBFactory;
  now?: () => number;
}

/**
 * Wires messaging → scoring service → cache. Called synchronously from the background entrypoint so the
 * message listener exists before the event that woke the worker is dispatched (MV3 requirement).
 * Returns the service (for tests) and the function that removes the listener.
 */
export function startBackground(deps: BackgroundDeps = {}): { service: ScoringService; library: LibraryRecorder; stop: () => void } {
  const now = deps.now ?? (() => Date.now());
  const cache = () => openCache({ indexedDB: deps.indexedDB, now });
  const service = createScoringService({
    openCache: cache,
    readSettings: () => readSettings(),
    ...SCORING_ENGINE,
    sendProgress: (tabId, args) => sendToTab(tabId, 'bg-cs:progress', args),
  });
  const library = createLibraryRecorder({
    openLibrary: () => openLibrary({ indexedDB: deps.indexedDB }),
    readLibrarySettings: async () => (await readSettings()).library,
    now,
    scorerVersion: SCORER_VERSION,
    listCachedMaps: async () => {
      const opened = await cache();
      try {
        return await opened.listMaps();
      } finally {
        opened.close();
      }
    },
    lookup: (args) => service.lookup(args),
  });
  /** Every map a watch page gets is recorded in the episode library, and comes back with its channel baseline. */
  const recorded = async (args: LookupArgs, answer: MapAnswer | null, incognito: boolean | undefined): Promise<MapAnswer | null> => {
    if (!answer) return answer;
    const baseline = await library.record({ videoId: args.videoId, track: args.track, details: args.details, answer, incognito });
    return baseline ? { ...answer, baseline } : answer;
  };
  const stop = onBackgroundMessage({
    // A private window's tab: scored and shown, never stored (cache or library) — see Requester.
    'cs-bg:lookup': async (args, sender) => recorded(args, await service.lookup(args, { private: sender.incognito }), sender.incognito),
    'cs-bg:score': async (args, sender) => (await recorded(args, await service.score(args, { tabId: sender.tabId, private: sender.incognito }), sender.incognito))!,
    'cs-bg:uploadChunk': (args) => service.uploadChunk(args),
    'cs-bg:transcript': (args, sender) => service.transcript(args, { private: sender.incognito }),
    'ui-bg:clearCache': () => service.clearCache(),
    'ui-bg:cacheStats': () => service.cacheStats(),
    'ui-bg:refreshLibrary': () => library.refresh(),
  });
  return { service, library, stop };
}
