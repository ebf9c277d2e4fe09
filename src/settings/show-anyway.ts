/**
 * "Show the map anyway" choices (DESIGN §9.1): the videos whose off-topic map the user asked to see. Kept in
 * `browser.storage.local` next to the settings item, **one key per video** (`showAnyway:<videoId>` →
 * `{ at }`, validated with valibot on read), so that two contexts remembering two videos at once (two tabs,
 * a tab and the options page clearing) never overwrite each other: an append writes only its own key, never
 * a read-modify-write of a shared list or of the settings item.
 *
 * Bounded: at most SHOW_ANYWAY_CAP videos, the most recently chosen kept; remembering a video again moves it
 * to the front (no duplicates: the key is the video id). The options page shows the count and forgets them all.
 */
import * as v from 'valibot';

export const SHOW_ANYWAY_CAP = 200;
export const SHOW_ANYWAY_PREFIX = 'showAnyway:';

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

/** One stored choice: when it was made (ms since the epoch). */
export const ShowAnywayRecord = v.object({ at: v.pipe(v.number(), v.finite(), v.minValue(0)) });
export type ShowAnywayRecord = v.InferOutput<typeof ShowAnywayRecord>;

/** The part of `browser.storage.local` this needs (WXT's fake browser and the real one both fit). */
export interface StorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface ShowAnywayStore {
  has(videoId: string): Promise<boolean>;
  /** Remembers the choice (moves it to the front) and drops the oldest beyond the cap. */
  remember(videoId: string): Promise<void>;
  /** How many choices are kept. */
  count(): Promise<number>;
  /** Forgets every choice; answers how many were forgotten. */
  clear(): Promise<number>;
}

export function showAnywayKey(videoId: string): string {
  return `${SHOW_ANYWAY_PREFIX}${videoId}`;
}

export function isShowAnywayKey(key: string): boolean {
  return key.startsWith(SHOW_ANYWAY_PREFIX);
}

export function createShowAnywayStore(area: StorageArea, options: { cap?: number; now?: () => number } = {}): ShowAnywayStore {
  const cap = options.cap ?? SHOW_ANYWAY_CAP;
  const now = options.now ?? Date.now;

  /** Every valid stored choice, newest first (ties by key, so every context agrees on the order). */
  const all = async (): Promise<{ key: string; at: number }[]> => {
    const items = await area.get(null);
    const kept: { key: string; at: number }[] = [];
    for (const [key, value] of Object.entries(items)) {
      if (!isShowAnywayKey(key)) continue;
      const parsed = v.safeParse(ShowAnywayRecord, value);
      kept.push({ key, at: parsed.success ? parsed.output.at : 0 }); // a broken record is the oldest, dropped first
    }
    return kept.sort((a, b) => b.at - a.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  };

  return {
    async has(videoId) {
      if (!VIDEO_ID.test(videoId)) return false;
      const key = showAnywayKey(videoId);
      return v.is(ShowAnywayRecord, (await area.get(key))[key]);
    },
    async remember(videoId) {
      if (!VIDEO_ID.test(videoId)) throw new Error(`not a video id: ${videoId.slice(0, 20)}`);
      const record: ShowAnywayRecord = { at: now() };
      await area.set({ [showAnywayKey(videoId)]: record });
      const choices = await all();
      // Concurrent prunes remove the same oldest keys (removing twice is harmless); the new key is never among them.
      const excess = choices.slice(cap).map((c) => c.key).filter((key) => key !== showAnywayKey(videoId));
      if (excess.length > 0) await area.remove(excess);
    },
    count: async () => (await all()).length,
    async clear() {
      const keys = (await all()).map((c) => c.key);
      if (keys.length > 0) await area.remove(keys);
      return keys.length;
    },
  };
}
