/**
 * Generated library entries (deterministic: a seeded generator), for the library benchmark and the README's
 * screenshot. Shapes come from the real schema, so a generated entry is one the page must accept.
 */
import { entryFromMap } from '../../src/library/library-entry';
import { LIBRARY_DB_NAME, LIBRARY_DB_VERSION } from '../../src/library/open-library';
import type { LibraryEntry } from '../../src/library/library-schema';
import type { BandId, PerspectiveMap } from '../../src/scoring/perspective-map';
import { SCORER_VERSION } from '../../src/scoring/scorer-version';
import type { Page } from '@playwright/test';

const CHANNELS = ['Alignment Forum Audio', 'Policy Hour', 'Machine Learning Street', 'The Compute Frontier', 'Future of Work Radio', 'Safety Seminar', 'Open Models Weekly', 'Lab Notes', 'Governance Today', 'AI Economics'];
const TOPICS = ['interpretability', 'compute governance', 'labour markets', 'open weights', 'evaluations', 'deceptive alignment', 'AI in medicine', 'scaling laws', 'regulation', 'agents'];
const LENSES = ['Technical', 'Governance', 'Societal', 'Economic'] as const;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const band = (score: number): BandId => (score <= -18 ? 'risk-forward' : score >= 18 ? 'opportunity-forward' : 'mixed');

export function generateEntries(count: number, seed = 13, now = Date.UTC(2026, 10, 30)): LibraryEntry[] {
  const random = rng(seed);
  const entries: LibraryEntry[] = [];
  for (let i = 0; i < count; i++) {
    const centre = Math.round((random() * 2 - 1) * 55);
    const spread = 8 + Math.round(random() * 30);
    const n = 20 + Math.floor(random() * 120);
    const scores = Array.from({ length: n }, () => Math.max(-100, Math.min(100, Math.round(centre + (random() * 2 - 1) * spread))));
    const sorted = [...scores].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(n - 1, Math.floor(q * n))]!;
    const median = at(0.5);
    const stance = Math.max(-100, Math.min(100, Math.round(median * 1.2 + (random() * 2 - 1) * 6)));
    const onTopic = random() > 0.08;
    const shares = { 'risk-forward': scores.filter((s) => s <= -18).length, 'opportunity-forward': scores.filter((s) => s >= 18).length };
    const risk = Math.round((100 * shares['risk-forward']) / n);
    const opp = Math.round((100 * shares['opportunity-forward']) / n);
    const videoId = `gen${String(i).padStart(8, '0')}`;
    const map = {
      videoId,
      captionSegments: n * 30,
      scorerVersion: SCORER_VERSION,
      lexicons: [],
      lexiconHash: 'generated',
      slices: scores.map((score, index) => ({ index, firstCue: 0, lastCue: 0, startMs: index * 60_000, endMs: index * 60_000 + 59_000, words: 300, score, band: band(score), terms: [], excerpt: '', onTopic })),
      headline: {
        median,
        mean: Math.round(scores.reduce((a, b) => a + b, 0) / n),
        min: sorted[0]!,
        max: sorted[n - 1]!,
        p10: at(0.1),
        p90: at(0.9),
        bandShares: { 'risk-forward': risk, mixed: 100 - risk - opp, 'opportunity-forward': opp },
        leaning: band(stance),
        lens: LENSES[Math.floor(random() * LENSES.length)]!,
        evidenceMode: 'interview',
        confidence: (['low', 'medium', 'high'] as const)[Math.floor(random() * 3)]!,
        confidenceReasons: [],
        emphasizes: [],
        extremes: { mostRisk: 0, mostOpportunity: 0, median: 0 },
        sentence: '',
        stance,
        topic: { onTopic, aiMentionsPerHour: onTopic ? 5 + Math.round(random() * 60) : Math.round(random() * 2) },
      },
    } as unknown as PerspectiveMap;
    const channel = Math.floor(random() * CHANNELS.length);
    const watched = now - Math.floor(random() * 400) * 86_400_000;
    entries.push(
      entryFromMap({
        videoId,
        map,
        track: { languageCode: 'en', kind: 'asr', vssId: 'a.en', name: 'English (auto-generated)' },
        source: 'player',
        details: {
          title: `${TOPICS[i % TOPICS.length]![0]!.toUpperCase()}${TOPICS[i % TOPICS.length]!.slice(1)}: episode ${i + 1}`,
          channel: CHANNELS[channel]!,
          channelId: `UCgenerated${String(channel).padStart(13, '0')}`,
          durationSec: 600 + Math.floor(random() * 9000),
        },
        mappedAt: watched,
        lastWatchedAt: watched,
      }),
    );
  }
  return entries;
}

/** Replaces the library of the extension page `page` (an extension page: same origin as the worker) with `entries`. */
export async function fillLibrary(page: Page, entries: readonly LibraryEntry[]): Promise<void> {
  await page.evaluate(
    async ({ name, version, entries }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name, version);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('entries', 'readwrite');
        tx.objectStore('entries').clear();
        for (const entry of entries) tx.objectStore('entries').put(entry);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { name: LIBRARY_DB_NAME, version: LIBRARY_DB_VERSION, entries },
  );
}
