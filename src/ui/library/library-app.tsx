/**
 * The library page: every episode the user has mapped — a sortable, filterable, searchable table (virtualised
 * past a few hundred rows), an overview chart, a comparison of two episodes, export / import, delete and clear,
 * and the privacy switches. Reads the library database directly; asks the worker only to re-score.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import '../shared/ui.css';
import './library.css';
import { libraryToCsv, libraryToJson, mergeLibrary, parseLibraryFile } from '../../library/library-file';
import { isOutdated } from '../../library/library-entry';
import type { LibraryEntry } from '../../library/library-schema';
import { BACKFILL_META, BACKFILL_PENDING, type EpisodeLibrary } from '../../library/open-library';
import { paletteFor } from '../../panel/colour-scale';
import LibraryPrivacy from '../shared/library-privacy';
import useSettings from '../shared/use-settings';
import CompareView from './compare-view';
import EpisodeTable from './episode-table';
import { loadFirstRows, type FirstLoad } from './first-load';
import type { LibraryPageDeps } from './library-deps';
import { channelsOf, DEFAULT_SORT, filterEntries, nextSort, NO_FILTER, sortEntries, type RowFilter, type SortKey, type SortOrder } from './library-rows';
import OverviewChart, { type ChartGrouping } from './overview-chart';

type Tab = 'list' | 'chart' | 'compare';

/** Records per read after the first paint. */
const READ_PAGE = 250;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export interface LibraryAppProps {
  deps: LibraryPageDeps;
  /** The first rows' read, started before the first render (main.tsx); without it the page starts it on mount. */
  firstLoad?: Promise<FirstLoad>;
}

export default function LibraryApp({ deps, firstLoad }: LibraryAppProps) {
  const { settings, update } = useSettings(deps.settings);
  const [library, setLibrary] = useState<EpisodeLibrary | null>(null);
  /** Every entry, once read; null until then. */
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  /** The newest entries and the library's size, shown while the rest is read (large libraries only). */
  const [firstWindow, setFirstWindow] = useState<{ rows: LibraryEntry[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<SortOrder>(DEFAULT_SORT);
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const [tab, setTab] = useState<Tab>('list');
  const [grouping, setGrouping] = useState<ChartGrouping>('channel');
  const [selected, setSelected] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [importError, setImportError] = useState('');
  const [confirmClear, setConfirmClear] = useState(false);

  const collator = useMemo(() => new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }), []);
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' }), []);
  const formatDate = useCallback((ms: number) => dateFormat.format(ms), [dateFormat]);
  const palette = paletteFor(settings?.palette);

  const reload = useCallback(async (lib: EpisodeLibrary) => setEntries(await lib.all()), []);
  // The read started before the first render serves the first mount only (a remount reads afresh).
  const startedLoad = useRef(firstLoad);

  // A layout effect: it runs right after the first render, so rows read meanwhile render as soon as they are in (an
  // effect would wait for the shell's paint and a task after it).
  useLayoutEffect(() => {
    let live = true;
    let opened: EpisodeLibrary | null = null;
    void (async () => {
      try {
        // The first rows first: the newest entries (the default order) and the count, without reading the rest.
        const load = startedLoad.current ?? loadFirstRows(deps);
        startedLoad.current = undefined;
        const { library: lib, recent, limit } = await load;
        opened = lib;
        if (!live) return opened.close();
        setLibrary(opened);
        let all = recent.entries;
        if (recent.complete) setEntries(all);
        else {
          setFirstWindow({ rows: sortEntries(recent.entries, DEFAULT_SORT, collator).slice(0, limit), total: recent.total });
          // Then everything, once those rows are on screen, a page at a time so scrolling stays smooth.
          await deps.afterPaint();
          all = await opened.all({ pageSize: READ_PAGE, pause: deps.yieldToPage });
          if (!live) return;
          setEntries(all);
        }
        // The worker reads the whole library to fill it from the cache (once) and re-score outdated entries: ask
        // only when there is something to do, and when the page is idle. Redraw if anything changed.
        const work = all.some((e) => isOutdated(e, deps.scorerVersion)) || (await opened.getMeta(BACKFILL_META)) === BACKFILL_PENDING;
        if (!work) return;
        await deps.whenIdle();
        if (!live) return;
        const result = await deps.refreshLibrary().catch(() => null); // no answer: the library is shown as stored
        if (live && result && (result.backfilled > 0 || result.rescored > 0)) await reload(opened);
      } catch (err) {
        if (live) setError(err instanceof Error ? err.message : String(err));
      }
    })();
    return () => {
      live = false;
      opened?.close();
    };
  }, [deps, reload, collator]);

  // The whole library is in: a mark the benchmark reads (costs nothing otherwise).
  useEffect(() => {
    if (entries !== null) performance.mark('library:all-rows');
  }, [entries]);

  const channels = useMemo(() => channelsOf(entries ?? []), [entries]);
  const filtered = useMemo(() => filterEntries(entries ?? [], filter), [entries, filter]);
  const sorted = useMemo(() => sortEntries(filtered, sort, collator), [filtered, sort, collator]);
  // Before the whole library is read, the first window stands in for the default view; a sort or filter asked
  // for meanwhile shows once everything is in.
  const defaultView = sort.key === DEFAULT_SORT.key && sort.direction === DEFAULT_SORT.direction && (Object.keys(NO_FILTER) as (keyof RowFilter)[]).every((k) => filter[k] === NO_FILTER[k]);
  const loading = entries === null;
  const rows = loading ? (firstWindow && defaultView ? firstWindow.rows : []) : sorted;
  const rowCount = loading ? (firstWindow?.total ?? 0) : sorted.length;
  const libraryCount = loading ? (firstWindow?.total ?? null) : entries.length;
  const pair = useMemo(() => selected.map((id) => entries?.find((e) => e.videoId === id)).filter((e): e is LibraryEntry => e !== undefined), [selected, entries]);
  const outdated = useMemo(() => (entries ?? []).filter((e) => isOutdated(e, deps.scorerVersion)).length, [entries, deps.scorerVersion]);

  const onSort = (key: SortKey) => setSort((current) => nextSort(current, key));
  const setFilterField = <K extends keyof RowFilter>(key: K, value: RowFilter[K]) => setFilter((f) => ({ ...f, [key]: value }));
  const onToggleSelect = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id].slice(-2)));

  const onDelete = async (id: string) => {
    if (!library) return;
    await library.delete(id);
    setSelected((s) => s.filter((x) => x !== id));
    setStatus('Deleted 1 episode.');
    await reload(library);
  };

  const onClear = async () => {
    if (!library) return;
    const cleared = await library.clear();
    setConfirmClear(false);
    setSelected([]);
    setStatus(`Deleted ${plural(cleared, 'episode')}.`);
    await reload(library);
  };

  const onExport = (kind: 'json' | 'csv') => {
    const all = entries ?? [];
    const stamp = new Date(deps.now()).toISOString().slice(0, 10);
    if (kind === 'json') deps.download(`perspective-map-library-${stamp}.json`, libraryToJson(all, deps.now()), 'application/json');
    else deps.download(`perspective-map-library-${stamp}.csv`, libraryToCsv(all), 'text/csv');
    setStatus(`Exported ${plural(all.length, 'episode')} as ${kind.toUpperCase()}.`);
  };

  const onImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file || !library) return;
    setImportError('');
    const parsed = parseLibraryFile(await file.text());
    if (!parsed.ok) {
      setImportError(`Nothing was imported from ${file.name}: ${parsed.reason}`);
      return;
    }
    try {
      const merged = mergeLibrary(await library.all(), parsed.entries);
      if (merged.write.length > 0) await library.put(...merged.write);
      setStatus(`Imported ${file.name}: ${merged.added} added, ${merged.updated} updated, ${merged.unchanged} unchanged.`);
      await reload(library);
    } catch (err) {
      setImportError(`Nothing was imported from ${file.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  return (
    <main class="library">
      <header class="library-head">
        <h1>Your library</h1>
        <p class="muted">
          {libraryCount === null ? 'Loading…' : `${plural(libraryCount, 'episode')} you have mapped${outdated > 0 ? ` · ${outdated} by an older scorer` : ''}.`} Stored on this computer only.
        </p>
      </header>

      {error ? (
        <p class="error" role="alert">
          The library could not be opened: {error}
        </p>
      ) : null}

      <nav class="tabs" role="tablist" aria-label="Views">
        {(
          [
            ['list', 'Episodes'],
            ['chart', 'Overview'],
            ['compare', `Compare${pair.length ? ` (${pair.length}/2)` : ''}`],
          ] as const
        ).map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} data-tab={id} class={tab === id ? 'tab active' : 'tab'} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </nav>

      <section class="filters" aria-label="Filters">
        <input type="search" placeholder="Search titles" aria-label="Search titles" value={filter.search} onInput={(e) => setFilterField('search', (e.currentTarget as HTMLInputElement).value)} />
        <select aria-label="Leaning" data-filter="leaning" value={filter.leaning} onChange={(e) => setFilterField('leaning', (e.currentTarget as HTMLSelectElement).value as RowFilter['leaning'])}>
          <option value="all">Any leaning</option>
          <option value="risk-forward">Risk-forward</option>
          <option value="mixed">Mixed</option>
          <option value="opportunity-forward">Opportunity-forward</option>
        </select>
        <select aria-label="Lens" data-filter="lens" value={filter.lens} onChange={(e) => setFilterField('lens', (e.currentTarget as HTMLSelectElement).value as RowFilter['lens'])}>
          <option value="all">Any lens</option>
          {['Technical', 'Governance', 'Societal', 'Economic'].map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <select aria-label="Channel" data-filter="channel" value={filter.channel} onChange={(e) => setFilterField('channel', (e.currentTarget as HTMLSelectElement).value)}>
          <option value="all">Any channel</option>
          {channels.map((c) => (
            <option key={c.key} value={c.key}>
              {`${c.name} (${c.count})`}
            </option>
          ))}
        </select>
        <select aria-label="Topic" data-filter="topic" value={filter.topic} onChange={(e) => setFilterField('topic', (e.currentTarget as HTMLSelectElement).value as RowFilter['topic'])}>
          <option value="all">On and off topic</option>
          <option value="on">About AI</option>
          <option value="off">Off-topic</option>
        </select>
        <span class="muted small" data-testid="row-count">
          {libraryCount === null ? '' : `${plural(rowCount, 'episode')} shown`}
        </span>
      </section>

      {tab === 'list' ? (
        libraryCount === 0 ? (
          <p class="empty">No episodes yet. Open a YouTube video with captions: its map is recorded here.</p>
        ) : (
          <EpisodeTable rows={rows} rowCount={rowCount} loading={loading} sort={sort} onSort={onSort} palette={palette} scorerVersion={deps.scorerVersion} selected={selected} onToggleSelect={onToggleSelect} onDelete={(id) => void onDelete(id)} formatDate={formatDate} />
        )
      ) : tab === 'chart' ? (
        <section class="chart" aria-label="Overview chart">
          <label>
            Group by{' '}
            <select data-chart-grouping="" value={grouping} onChange={(e) => setGrouping((e.currentTarget as HTMLSelectElement).value as ChartGrouping)}>
              <option value="channel">channel</option>
              <option value="date">date (newest first)</option>
            </select>
          </label>
          <p class="muted small">Each bar spans an episode's p10–p90 slice scores, coloured at its position; the dark tick is the median, the ring the stance. Click one to open it on YouTube.</p>
          <div class="chart-scroll">
            <OverviewChart entries={rows} grouping={grouping} palette={palette} />
          </div>
        </section>
      ) : (
        <section aria-label="Compare two episodes">
          <CompareView pair={pair} palette={palette} />
        </section>
      )}

      <section class="manage" aria-label="Export, import and delete">
        <h2>Export, import, delete</h2>
        <div class="row">
          <button type="button" class="secondary" data-action="export-json" onClick={() => onExport('json')} disabled={!entries?.length}>
            Export JSON
          </button>
          <button type="button" class="secondary" data-action="export-csv" onClick={() => onExport('csv')} disabled={!entries?.length}>
            Export CSV
          </button>
          <label class="button secondary file">
            Import JSON…
            <input type="file" accept="application/json,.json" data-action="import" onChange={(e) => void onImport(e.currentTarget as HTMLInputElement)} />
          </label>
          {confirmClear ? (
            <>
              <button type="button" class="danger" data-action="confirm-clear" onClick={() => void onClear()}>
                Delete all {plural(entries?.length ?? 0, 'episode')}
              </button>
              <button type="button" class="secondary" onClick={() => setConfirmClear(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" class="secondary" data-action="clear-library" onClick={() => setConfirmClear(true)} disabled={!entries?.length}>
              Clear library…
            </button>
          )}
        </div>
        {importError ? (
          <p class="error" role="alert" data-testid="import-error">
            {importError}
          </p>
        ) : null}
        <p class="status small" role="status" aria-live="polite" data-testid="library-status">
          {status}
        </p>
        <p class="muted small">JSON holds everything and can be imported in another browser (episodes merge by video; the newer scorer wins). CSV is one row per episode, for spreadsheets.</p>
      </section>

      {settings ? <LibraryPrivacy settings={settings} update={update} idPrefix="library" /> : null}
    </main>
  );
}
