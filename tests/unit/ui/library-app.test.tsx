// @vitest-environment happy-dom
/**
 * The library page's two-step load: the first rows (read before the first render) are shown while the rest is
 * read, and the full load that replaces them loses no row and keeps the order.
 */
import { cleanup, render, waitFor } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LibraryEntry } from '../../../src/library/library-schema';
import { openLibrary } from '../../../src/library/open-library';
import { SCORER_VERSION } from '../../../src/scoring/scorer-version';
import { settingsStore } from '../../../src/settings/settings';
import { rowsInFirstView } from '../../../src/ui/library/episode-table';
import { loadFirstRows } from '../../../src/ui/library/first-load';
import LibraryApp from '../../../src/ui/library/library-app';
import type { LibraryPageDeps } from '../../../src/ui/library/library-deps';
import { DEFAULT_SORT, sortEntries } from '../../../src/ui/library/library-rows';
import { entryAt, seededLibraryFactory, vid } from '../library/library-test-data';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

const shownIds = (root: ParentNode) => [...root.querySelectorAll('tr[data-video-id]')].map((tr) => tr.getAttribute('data-video-id'));

/** Entries watched three at a time (ties in every group, one across the first read's edge), in video-id order. */
function library(count: number): LibraryEntry[] {
  return Array.from({ length: count }, (_, n) => entryAt(vid(n + 1), (n % 41) - 20, { lastWatchedAt: 1_000 + Math.floor((n + 1) / 3) * 60_000 }));
}

function pageDeps(factory: IDBFactory, afterPaint: Promise<void>): LibraryPageDeps {
  return {
    settings: settingsStore,
    openLibrary: () => openLibrary({ indexedDB: factory }),
    refreshLibrary: async () => ({ backfilled: 0, rescored: 0, outdated: 0 }),
    scorerVersion: SCORER_VERSION,
    now: () => 10_000_000,
    download: () => {},
    afterPaint: () => afterPaint,
    yieldToPage: async () => {},
    whenIdle: async () => {},
  };
}

describe('the library page’s first rows, then the rest', () => {
  it('shows the newest rows in view first, then every row in the same order as a single full read', async () => {
    const entries = library(450);
    const factory = await seededLibraryFactory(entries);
    const expected = sortEntries(entries, DEFAULT_SORT).map((e) => e.videoId);

    let painted!: () => void;
    const deps = pageDeps(factory, new Promise<void>((resolve) => (painted = resolve)));
    const { container } = render(<LibraryApp deps={deps} firstLoad={loadFirstRows(deps)} />);
    const table = () => container.querySelector<HTMLElement>('.table-scroll');

    // Before the rest is read: the rows in view, the newest first, the scrollbar sized for the whole library.
    await waitFor(() => expect(shownIds(container).length).toBeGreaterThan(0));
    expect(table()?.getAttribute('aria-busy')).toBe('true');
    expect(table()?.getAttribute('data-rows')).toBe('450');
    expect(shownIds(container)).toEqual(expected.slice(0, rowsInFirstView()));

    // The rest: every row, in the same order (the table draws a window of it: the same first rows, and more).
    painted();
    await waitFor(() => expect(table()?.getAttribute('aria-busy')).toBe('false'));
    expect(table()?.getAttribute('data-rows')).toBe('450');
    const after = shownIds(container);
    expect(after.length).toBeGreaterThan(rowsInFirstView());
    expect(after).toEqual(expected.slice(0, after.length));
    expect(container.querySelector('[data-testid="row-count"]')?.textContent).toBe('450 episodes shown');
  });

  it('shows a library smaller than the first read at once, without a second read', async () => {
    const entries = library(5);
    const factory = await seededLibraryFactory(entries);
    const deps = pageDeps(factory, new Promise<void>(() => {})); // never painted: only a complete first read can finish
    const { container } = render(<LibraryApp deps={deps} />);
    await waitFor(() => expect(container.querySelector('.table-scroll')?.getAttribute('aria-busy')).toBe('false'));
    expect(shownIds(container)).toEqual(sortEntries(entries, DEFAULT_SORT).map((e) => e.videoId));
  });
});
