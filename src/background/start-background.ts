import { parseCaptions } from '../captions/parse-captions';
import { openCache } from '../cache/open-cache';
import { lexiconSetHash } from '../lexicons/lexicon-hash';
import { resolveLexicons } from '../lexicons/resolve-lexicons';
import { onBackgroundMessage, sendToTab } from '../messaging/extension-messaging';
import { scoreCues, scoreCuesWithHits } from '../scoring/score-cues';
import { compileMatcher } from '../scoring/compile-matcher';
import { SCORER_VERSION } from '../scoring/scorer-version';
import { readSettings } from '../settings/settings';
import { createScoringService, type ScoringService } from './scoring-service';

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
export function startBackground(deps: BackgroundDeps = {}): { service: ScoringService; stop: () => void } {
  const now = deps.now ?? (() => Date.now());
  const service = createScoringService({
    openCache: () => openCache({ indexedDB: deps.indexedDB, now }),
    readSettings: () => readSettings(),
    parseCaptions,
    scoreCues,
    scoreCuesWithHits,
    compileMatcher,
    resolveLexicons,
    lexiconSetHash,
    scorerVersion: SCORER_VERSION,
    sendProgress: (tabId, args) => sendToTab(tabId, 'bg-cs:progress', args),
  });
  const stop = onBackgroundMessage({
    'cs-bg:lookup': (args) => service.lookup(args),
    'cs-bg:score': (args, sender) => service.score(args, { tabId: sender.tabId }),
    'cs-bg:uploadChunk': (args) => service.uploadChunk(args),
    'cs-bg:transcript': (args) => service.transcript(args),
    'ui-bg:clearCache': () => service.clearCache(),
    'ui-bg:cacheStats': () => service.cacheStats(),
  });
  return { service, stop };
}
