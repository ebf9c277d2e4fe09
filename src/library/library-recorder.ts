/**
 * The background's side of the episode library: every map delivered to a watch page is recorded (unless
 * recording is paused or the tab is private), the retention limit is applied, and the channel baseline is
 * answered for the panel. Also fills the library from the cache once, and re-scores entries of older scorer
 * versions from cached cues. Every dependency is passed in; nothing here reaches for `browser`.
 *
 * Never in the way of a map: every failure is logged and answered as "no baseline".
 */
import type { TrackRef } from '../captions/caption-track';
import type { ListedMap } from '../cache/open-cache';
import type { MapAnswer } from '../messaging/protocol';
import { channelBaseline, type ChannelBaseline } from './channel-baseline';
import { compareScorerVersions, entryFromMap, rescoredEntry } from './library-entry';
import type { LibraryEntry, LibrarySettings, VideoDetails } from './library-schema';
import { BACKFILL_META, BACKFILL_PENDING, type EpisodeLibrary } from './open-library';

export interface LibraryRecorderDeps {
  openLibrary: () => Promise<EpisodeLibrary>;
  readLibrarySettings: () => Promise<LibrarySettings>;
  now: () => number;
  scorerVersion: string;
  /** The cache's maps (for the one-time backfill). */
  listCachedMaps: () => Promise<ListedMap[]>;
  /** The scoring service's lookup: a map under the current settings from the cache or re-scored from cached cues; null = none. */
  lookup: (args: { videoId: string; track: TrackRef }) => Promise<MapAnswer | null>;
  log?: Pick<Console, 'warn'>;
}

export interface RecordInput {
  videoId: string;
  track: TrackRef;
  details?: VideoDetails;
  answer: MapAnswer;
  /** The tab is in a private / incognito window. */
  incognito?: boolean;
}

export interface LibraryRecorder {
  /** Records the map a watch page is about to show; answers its channel baseline (null when there is none). Never rejects. */
  record(input: RecordInput): Promise<ChannelBaseline | null>;
  /** Backfill (once) + re-score outdated entries from cached cues. */
  refresh(): Promise<{ backfilled: number; rescored: number; outdated: number }>;
}

export function createLibraryRecorder(deps: LibraryRecorderDeps): LibraryRecorder {
  const log = deps.log ?? console;
  let opening: Promise<EpisodeLibrary> | null = null;

  async function library(): Promise<EpisodeLibrary> {
    opening ??= deps.openLibrary();
    try {
      return await opening;
    } catch (err) {
      opening = null; // try again next time
      throw err;
    }
  }

  /**
   * Fills a new library from the maps already in the cache — the viewing before the library existed — once.
   * With recording paused at that moment, the past is not recorded either (the step is marked done).
   */
  async function backfill(lib: EpisodeLibrary, settings: LibrarySettings): Promise<number> {
    if ((await lib.getMeta(BACKFILL_META)) !== BACKFILL_PENDING) return 0;
    if (!settings.recording) {
      await lib.setMeta(BACKFILL_META, { skippedAt: deps.now() });
      return 0;
    }
    const best = new Map<string, ListedMap>();
    for (const listed of await deps.listCachedMaps()) {
      const held = best.get(listed.videoId);
      const newer = held === undefined || compareScorerVersions(listed.scorerVersion, held.scorerVersion) > 0 || (listed.scorerVersion === held.scorerVersion && listed.storedAt > held.storedAt);
      if (newer) best.set(listed.videoId, listed);
    }
    const present = new Set(await lib.ids());
    const entries: LibraryEntry[] = [];
    for (const listed of best.values()) {
      if (present.has(listed.videoId)) continue;
      try {
        entries.push(entryFromMap({ videoId: listed.videoId, map: listed.map, track: listed.track, source: listed.source, mappedAt: listed.storedAt, lastWatchedAt: listed.storedAt }));
      } catch (err) {
        log.warn('[perspective-map] a cached map could not be added to the library', err);
      }
    }
    if (entries.length > 0) await lib.put(...entries);
    await lib.setMeta(BACKFILL_META, { doneAt: deps.now(), entries: entries.length });
    await lib.applyRetention(settings, deps.now());
    return entries.length;
  }

  async function baselineFor(lib: EpisodeLibrary, self: LibraryEntry): Promise<ChannelBaseline | null> {
    if (self.channelId === null) return null;
    return channelBaseline(self, await lib.byChannel(self.channelId));
  }

  return {
    async record({ videoId, track, details, answer, incognito }) {
      if (incognito) return null; // private windows leave no trace, and read none either
      try {
        const settings = await deps.readLibrarySettings();
        const lib = await library();
        await backfill(lib, settings);
        const at = deps.now();
        const existing = await lib.get(videoId);
        const fresh = entryFromMap({ videoId, map: answer.map, track, source: answer.source, details, mappedAt: at, lastWatchedAt: at });
        const sameMap = existing !== null && existing.scorerVersion === fresh.scorerVersion && existing.lexiconHash === fresh.lexiconHash && existing.track.vssId === fresh.track.vssId;
        const entry: LibraryEntry = {
          ...fresh,
          // A map served from the cache was made when it was first scored.
          mappedAt: sameMap && answer.origin === 'cache' ? existing.mappedAt : fresh.mappedAt,
          title: fresh.title ?? existing?.title ?? null,
          channel: fresh.channel ?? existing?.channel ?? null,
          channelId: fresh.channelId ?? existing?.channelId ?? null,
          durationSec: fresh.durationSec ?? existing?.durationSec ?? null,
        };
        if (!settings.recording) return await baselineFor(lib, existing ?? entry); // paused: read, never write
        await lib.put(entry);
        await lib.applyRetention(settings, at);
        return await baselineFor(lib, entry);
      } catch (err) {
        log.warn('[perspective-map] the episode library could not be updated', err);
        return null;
      }
    },

    async refresh() {
      const settings = await deps.readLibrarySettings();
      const lib = await library();
      const backfilled = await backfill(lib, settings);
      let rescored = 0;
      let outdated = 0;
      for (const entry of await lib.outdated(deps.scorerVersion)) {
        const answer = await deps.lookup({ videoId: entry.videoId, track: entry.track }).catch((err: unknown) => {
          log.warn('[perspective-map] re-scoring a library entry failed', err);
          return null;
        });
        if (answer && answer.map.scorerVersion === deps.scorerVersion) {
          await lib.put(rescoredEntry(entry, answer.map, deps.now()));
          rescored++;
        } else outdated++;
      }
      return { backfilled, rescored, outdated };
    },
  };
}
