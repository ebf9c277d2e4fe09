/** Cache figures and the "Clear cache" button (both answered by the background). */
import { useCallback, useEffect, useState } from 'preact/hooks';
import formatBytes from '../shared/format-bytes';
import type { UiDeps } from '../shared/ui-deps';

type Stats = { episodes: number; bytes: number } | 'unavailable' | null;

function episodes(n: number): string {
  return `${n} ${n === 1 ? 'episode' : 'episodes'}`;
}

export default function CacheControls({ deps }: { deps: Pick<UiDeps, 'sendToBackground'> }) {
  const [stats, setStats] = useState<Stats>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setStats(await deps.sendToBackground('ui-bg:cacheStats', {}));
    } catch {
      setStats('unavailable');
    }
  }, [deps]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const clear = async () => {
    setBusy(true);
    try {
      const { cleared } = await deps.sendToBackground('ui-bg:clearCache', {});
      setStatus(`Cleared ${episodes(cleared)}.`);
    } catch {
      setStatus('Could not clear the cache.');
    }
    setBusy(false);
    await refresh();
  };

  return (
    <section class="cache" aria-label="Cache">
      <p class="muted small" data-testid="cache-stats">
        {stats === null
          ? 'Cache: …'
          : stats === 'unavailable'
            ? 'Cache: unavailable'
            : `Cache: ${episodes(stats.episodes)} · ${formatBytes(stats.bytes)}`}
      </p>
      <button type="button" class="secondary" onClick={clear} disabled={busy}>
        Clear cache
      </button>
      <p class="status small" role="status" aria-live="polite" data-testid="cache-status">
        {status}
      </p>
    </section>
  );
}
