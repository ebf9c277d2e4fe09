/**
 * Export of the current map as JSON or CSV. The options page is itself the active tab, so it asks the
 * open YouTube tabs (most recently used first) for theirs.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { mapToCsv } from '../../scoring/map-csv';
import { exportFileName, mapToJson } from '../shared/export-map';
import { bandText, latestMapSummary, type TabSummary } from '../shared/tab-summary';
import type { UiDeps } from '../shared/ui-deps';

export const NO_MAP_MESSAGE =
  'No map to export. Open a YouTube video, wait until its perspective map is drawn, then press “Look again”.';

export default function MapExport({ deps }: { deps: Pick<UiDeps, 'sendToTab' | 'getYouTubeTabIds' | 'download'> }) {
  const [summary, setSummary] = useState<TabSummary | null>(null);

  const look = useCallback(async () => {
    setSummary(null);
    setSummary(await latestMapSummary(deps));
  }, [deps]);

  useEffect(() => {
    void look();
  }, [look]);

  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title">Export the current map</h2>
      {summary === null ? (
        <p class="muted" aria-busy="true">
          Looking for a YouTube tab with a map…
        </p>
      ) : summary.kind === 'map' ? (
        <div data-testid="export-ready">
          <p>
            Video <code>{summary.videoId}</code>: {summary.map.slices.length} slices, {bandText(summary.map.headline.leaning)} leaning.
          </p>
          <button
            type="button"
            class="primary"
            onClick={() => deps.download(exportFileName(summary.map, 'json'), mapToJson(summary.map), 'application/json')}
          >
            Download JSON
          </button>{' '}
          <button
            type="button"
            class="primary"
            onClick={() => deps.download(exportFileName(summary.map, 'csv'), mapToCsv(summary.map), 'text/csv')}
          >
            Download CSV
          </button>
        </div>
      ) : (
        <p class="muted" data-testid="export-none">
          {summary.kind === 'state' ? `${summary.message} ` : ''}
          {NO_MAP_MESSAGE}
        </p>
      )}
      <p>
        <button type="button" onClick={() => void look()}>
          Look again
        </button>
      </p>
    </section>
  );
}
