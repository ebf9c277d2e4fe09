import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { readSettings, writeSettings, defaultSettings } from '../../../src/settings/settings';
import { createShowAnywayStore, SHOW_ANYWAY_CAP, showAnywayKey, type StorageArea } from '../../../src/settings/show-anyway';

const id = (n: number) => `vid${String(n).padStart(8, '0')}`;

/**
 * An in-memory storage area whose every call yields to the event loop a varying number of times, so two
 * contexts' calls interleave the way two tabs' calls to browser.storage do.
 */
function interleavingArea(): StorageArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  let tick = 0;
  const pause = async () => {
    for (let i = 0; i < (tick++ % 3) + 1; i++) await Promise.resolve();
  };
  return {
    data,
    async get(keys) {
      await pause();
      const wanted = keys === null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
    },
    async set(items) {
      await pause();
      for (const [k, value] of Object.entries(items)) data.set(k, structuredClone(value));
    },
    async remove(keys) {
      await pause();
      for (const k of typeof keys === 'string' ? [keys] : keys) data.delete(k);
    },
  };
}

describe('show-anyway choices', () => {
  beforeEach(() => fakeBrowser.reset());

  it('remembers, answers has(), counts and clears (over the real storage API shape)', async () => {
    const store = createShowAnywayStore(browser.storage.local);
    expect(await store.has('WarHistory1')).toBe(false);
    await store.remember('WarHistory1');
    expect(await store.has('WarHistory1')).toBe(true);
    expect(await store.has('GermanOnly1')).toBe(false);
    expect(await store.count()).toBe(1);
    expect(await store.clear()).toBe(1);
    expect(await store.has('WarHistory1')).toBe(false);
    expect(await store.count()).toBe(0);
  });

  it('dedupes: remembering a video again keeps one entry and makes it the newest', async () => {
    let t = 0;
    const area = interleavingArea();
    const store = createShowAnywayStore(area, { cap: 3, now: () => ++t });
    for (const n of [1, 2, 3]) await store.remember(id(n));
    await store.remember(id(1)); // now the newest
    expect(await store.count()).toBe(3);
    await store.remember(id(4)); // pushes out the oldest: id(2), not id(1)
    expect([1, 2, 3, 4].map((n) => area.data.has(showAnywayKey(id(n))))).toEqual([true, false, true, true]);
  });

  it(`keeps at most ${SHOW_ANYWAY_CAP} (the most recent) by default`, async () => {
    let t = 0;
    const area = interleavingArea();
    const store = createShowAnywayStore(area, { now: () => ++t });
    for (let n = 0; n < SHOW_ANYWAY_CAP + 5; n++) await store.remember(id(n));
    expect(await store.count()).toBe(SHOW_ANYWAY_CAP);
    expect(await store.has(id(4))).toBe(false);
    expect(await store.has(id(5))).toBe(true);
    expect(await store.has(id(SHOW_ANYWAY_CAP + 4))).toBe(true);
  });

  it('concurrent appends from two contexts lose nothing, and never touch the settings item', async () => {
    const area = interleavingArea();
    area.data.set('settings', { collapsed: true });
    const tabA = createShowAnywayStore(area);
    const tabB = createShowAnywayStore(area);
    await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2 === 0 ? tabA : tabB).remember(id(n))));
    expect(await tabA.count()).toBe(20);
    for (let n = 0; n < 20; n++) expect(await tabB.has(id(n))).toBe(true);
    expect(area.data.get('settings')).toEqual({ collapsed: true });
  });

  it('concurrent appends at the cap keep the cap and every newest choice', async () => {
    let t = 0;
    const area = interleavingArea();
    const now = () => ++t;
    const [a, b] = [createShowAnywayStore(area, { cap: 5, now }), createShowAnywayStore(area, { cap: 5, now })];
    for (let n = 0; n < 5; n++) await a.remember(id(n));
    await Promise.all([a.remember(id(10)), b.remember(id(11))]);
    expect(await a.count()).toBe(5);
    expect(await a.has(id(10))).toBe(true);
    expect(await a.has(id(11))).toBe(true);
  });

  it('a settings write and a remembered choice made at once both survive (separate keys)', async () => {
    const store = createShowAnywayStore(browser.storage.local);
    await Promise.all([store.remember('WarHistory1'), writeSettings({ ...defaultSettings(), collapsed: true })]);
    expect(await store.has('WarHistory1')).toBe(true);
    expect((await readSettings()).collapsed).toBe(true);
  });

  it('bad stored values and bad ids: not a choice, counted as oldest, cleared; remember refuses a non-id', async () => {
    const area = interleavingArea();
    area.data.set(showAnywayKey('WarHistory1'), 'yes');
    const store = createShowAnywayStore(area);
    expect(await store.has('WarHistory1')).toBe(false);
    expect(await store.has('../settings')).toBe(false);
    await expect(store.remember('not an id')).rejects.toThrow(/video id/);
    expect(await store.clear()).toBe(1);
  });
});
