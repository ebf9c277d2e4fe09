/**
 * What the library page needs before its first rows: the database, the retention limits applied (the rows never
 * show an episode a limit lets go), and the newest entries — the default order's first screen — with the count.
 * The page's entry (entrypoints/library/main.tsx) starts it before the first render, so the database opens and the
 * first window is read while the page shell is drawn; a component's effect would start only after that paint.
 */
import type { EpisodeLibrary, RecentEntries } from '../../library/open-library';
import { rowsInFirstView } from './episode-table';
import type { LibraryPageDeps } from './library-deps';

export interface FirstLoad {
  library: EpisodeLibrary;
  /** At least the newest `limit` entries (ties at the edge included). */
  recent: RecentEntries;
  limit: number;
}

/**
 * Reads the newest `limit` entries — by default the rows the table draws first (≈ 17 in a 900 px window): every
 * entry read before the first paint is a record to copy out of the database and check, for a row not drawn.
 */
export async function loadFirstRows(deps: Pick<LibraryPageDeps, 'openLibrary' | 'settings' | 'now'>, limit = rowsInFirstView()): Promise<FirstLoad> {
  // Settings and the database open side by side: both are on the way to the first rows.
  const [library, settings] = await Promise.all([deps.openLibrary(), deps.settings.getValue()]);
  try {
    await library.applyRetention(settings.library, deps.now());
    return { library, recent: await library.recent(limit), limit };
  } catch (err) {
    library.close();
    throw err;
  }
}
