/**
 * Which entries an optional retention limit lets go (pure). Both limits look at `lastWatchedAt`: an episode
 * watched again is kept as if it were new. `keepEpisodes` keeps the most recently watched N; `keepDays` forgets
 * what was not watched for D days. With both set, an entry goes when either says so.
 */
import type { LibraryEntry, LibrarySettings } from './library-schema';

export const DAY_MS = 24 * 3600 * 1000;

export function entriesToForget(
  entries: readonly Pick<LibraryEntry, 'videoId' | 'lastWatchedAt'>[],
  retention: Pick<LibrarySettings, 'keepEpisodes' | 'keepDays'>,
  now: number,
): string[] {
  const forget = new Set<string>();
  if (retention.keepDays !== null) {
    const cutoff = now - retention.keepDays * DAY_MS;
    for (const entry of entries) if (entry.lastWatchedAt < cutoff) forget.add(entry.videoId);
  }
  if (retention.keepEpisodes !== null && entries.length > retention.keepEpisodes) {
    // Newest first; ties broken by id so the outcome does not depend on the store's order.
    const byRecency = [...entries].sort((a, b) => b.lastWatchedAt - a.lastWatchedAt || a.videoId.localeCompare(b.videoId));
    for (const entry of byRecency.slice(retention.keepEpisodes)) forget.add(entry.videoId);
  }
  return [...forget];
}

export default entriesToForget;
