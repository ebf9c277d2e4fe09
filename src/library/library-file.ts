/**
 * The library as files (pure): JSON export (the whole entries, importable), CSV export (one row per episode,
 * for spreadsheets; not importable — it cannot carry the slices), and the import check + merge.
 *
 * Import is all or nothing: the file is parsed and every entry checked with the same schema the database
 * uses before anything is written; the first problem is the reason given. Merging is by video id; the
 * entry from the newer scorer wins (on a tie, the one mapped later), and the loser still fills in what the
 * winner lacks (page details; the later last-watched time).
 */
import { checkSchema } from '../schema/check-schema';
import { csvText } from '../scoring/map-csv';
import { compareScorerVersions } from './library-entry';
import {
  LIBRARY_FILE_FORMAT,
  LIBRARY_FILE_VERSION,
  libraryFileSchema,
  type LibraryEntry,
  type LibraryFile,
} from './library-schema';

/** Import files bigger than this are refused before parsing (100,000 entries of ~2 KB fit easily). */
export const MAX_IMPORT_CHARS = 256 * 1024 * 1024;

export function libraryToJson(entries: readonly LibraryEntry[], exportedAt: number): string {
  const file: LibraryFile = { format: LIBRARY_FILE_FORMAT, version: LIBRARY_FILE_VERSION, exportedAt: Math.round(exportedAt), entries: [...entries] };
  return JSON.stringify(file, null, 1) + '\n';
}

export const LIBRARY_CSV_FIELDS = [
  'videoId',
  'title',
  'channel',
  'channelId',
  'durationSec',
  'mappedAt',
  'lastWatchedAt',
  'stance',
  'leaning',
  'median',
  'mean',
  'min',
  'max',
  'p10',
  'p90',
  'riskForwardShare',
  'mixedShare',
  'opportunityForwardShare',
  'lens',
  'evidenceMode',
  'confidence',
  'onTopic',
  'aiMentionsPerHour',
  'slices',
  'scorerVersion',
  'trackLanguage',
  'trackKind',
] as const;

const num = (value: number | null) => (value === null ? '' : String(Math.round(value * 100) / 100));
const iso = (ms: number) => new Date(ms).toISOString();

export function libraryToCsv(entries: readonly LibraryEntry[]): string {
  const rows = entries.map((e) => {
    const h = e.headline;
    return [
      csvText(e.videoId),
      csvText(e.title ?? ''),
      csvText(e.channel ?? ''),
      csvText(e.channelId ?? ''),
      num(e.durationSec),
      iso(e.mappedAt),
      iso(e.lastWatchedAt),
      num(h.stance),
      h.leaning,
      num(h.median),
      num(h.mean),
      num(h.min),
      num(h.max),
      num(h.p10),
      num(h.p90),
      String(h.bandShares['risk-forward']),
      String(h.bandShares.mixed),
      String(h.bandShares['opportunity-forward']),
      h.lens,
      h.evidenceMode,
      h.confidence,
      h.topic === null ? '' : String(h.topic.onTopic),
      h.topic === null ? '' : num(h.topic.aiMentionsPerHour),
      String(e.slices.length),
      csvText(e.scorerVersion),
      csvText(e.track.languageCode),
      e.track.kind,
    ].join(',');
  });
  return [LIBRARY_CSV_FIELDS.join(','), ...rows].join('\n') + '\n';
}

export type ImportParse = { ok: true; entries: LibraryEntry[] } | { ok: false; reason: string };

/** Checks an import file's text. Never throws; a failure names the first problem. */
export function parseLibraryFile(text: string): ImportParse {
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, reason: `The file is too large (over ${MAX_IMPORT_CHARS / 1024 / 1024} MB).` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `The file is not JSON (${err instanceof Error ? err.message : String(err)}).` };
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== LIBRARY_FILE_FORMAT) {
    return { ok: false, reason: 'This is not a Perspective Map library export (no "format": "perspective-map-library").' };
  }
  const version = (raw as { version?: unknown }).version;
  if (version !== LIBRARY_FILE_VERSION) {
    return { ok: false, reason: `The file is library format version ${JSON.stringify(version)}; this build reads version ${LIBRARY_FILE_VERSION}.` };
  }
  const parsed = checkSchema(libraryFileSchema, raw, '');
  if (!parsed.ok) return { ok: false, reason: `The file has an invalid entry: ${parsed.error}.` };
  return { ok: true, entries: parsed.value.entries };
}

/** The entry to keep for one video id, given the one stored (if any) and an incoming one. */
export function mergeEntry(existing: LibraryEntry | undefined, incoming: LibraryEntry): LibraryEntry {
  if (!existing) return incoming;
  const order = compareScorerVersions(incoming.scorerVersion, existing.scorerVersion) || Math.sign(incoming.mappedAt - existing.mappedAt);
  const [winner, loser] = order > 0 ? [incoming, existing] : [existing, incoming];
  return {
    ...winner,
    title: winner.title ?? loser.title,
    channel: winner.channel ?? loser.channel,
    channelId: winner.channelId ?? loser.channelId,
    durationSec: winner.durationSec ?? loser.durationSec,
    lastWatchedAt: Math.max(winner.lastWatchedAt, loser.lastWatchedAt),
  };
}

/** Merges a whole import into the stored entries; answers only the entries that change (to be written). */
export function mergeLibrary(
  stored: readonly LibraryEntry[],
  incoming: readonly LibraryEntry[],
): { write: LibraryEntry[]; added: number; updated: number; unchanged: number } {
  const byId = new Map(stored.map((entry) => [entry.videoId, entry]));
  const next = new Map<string, LibraryEntry>();
  for (const entry of incoming) next.set(entry.videoId, mergeEntry(next.get(entry.videoId) ?? byId.get(entry.videoId), entry));
  const write: LibraryEntry[] = [];
  let added = 0;
  let updated = 0;
  for (const [id, merged] of next) {
    const before = byId.get(id);
    if (before !== undefined && JSON.stringify(before) === JSON.stringify(merged)) continue;
    if (before === undefined) added++;
    else updated++;
    write.push(merged);
  }
  return { write, added, updated, unchanged: next.size - write.length };
}
