/**
 * What the library page needs before its first rows: the database, the retention limits applied (the rows never
 * show an episode a limit lets go), and the newest entries — the default order's first screen — with the count.
 * The page's entry (entrypoints/library/main.tsx) starts it before the first render, so the database opens and the
 * first window is read while the page shell is drawn; a component's effect would start only after that paint.
 */
import type { EpisodeLibrary, RecentEntries } from '../../library/open-library';
import type { LibraryPageDeps } from './library-deps';

/** Entries read before the first paint: a screenful of rows (≈ 16) with the table's overscan, and some to spare. */
export const FIRST_WINDOW = 60;

export interface FirstLoad {
  library: EpisodeLibrary;
  recent: RecentEntries;
}

export async function loadFirstRows(deps: Pick<LibraryPageDeps, 'openLibrary' | 'settings' | 'now'>, limit = FIRST_WINDOW): Promise<FirstLoad> {
  // Settings and the database open side by side: both are on the way to the first rows.
  const [library, settings] = await Promise.all([deps.openLibrary(), deps.settings.getValue()]);
  try {
    await library.applyRetention(settings.library, deps.now());
    return { library, recent: await library.recent(limit) };
  } catch (err) {
    library.close();
    throw err;
  }
}
