/**
 * The toolbar popup: the active tab's headline, lexicon switches (written to settings at once — open
 * watch pages watch the settings and re-score), re-score, cache controls and a link to the options.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import '../shared/ui.css';
import './popup.css';
import HeadlineView from '../shared/headline-view';
import lexiconCatalog from '../shared/lexicon-catalog';
import { toggleLexicon } from '../shared/lexicon-selection';
import LexiconToggles from '../shared/lexicon-toggles';
import { activeTabSummary, type TabSummary } from '../shared/tab-summary';
import type { UiDeps } from '../shared/ui-deps';
import useSettings from '../shared/use-settings';
import { RecordingToggle } from '../shared/library-privacy';
import CacheControls from './cache-controls';
import PageProblems from './page-problems';

/** While the tab is still scoring, ask again this often (the popup is short-lived; no push channel). */
const LOADING_POLL_MS = 1000;

export default function PopupApp({ deps }: { deps: UiDeps }) {
  const { settings, update } = useSettings(deps.settings);
  const [summary, setSummary] = useState<TabSummary | null>(null);
  const [status, setStatus] = useState('');

  const refresh = useCallback(async () => setSummary(await activeTabSummary(deps)), [deps]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const loading = summary?.kind === 'state' && summary.state === 'loading';
  useEffect(() => {
    if (!loading) return;
    const timer = setInterval(() => void refresh(), LOADING_POLL_MS);
    return () => clearInterval(timer);
  }, [loading, refresh]);

  const catalog = useMemo(
    () => lexiconCatalog(deps.builtinLexicons, settings?.customLexicons ?? []),
    [deps.builtinLexicons, settings?.customLexicons],
  );

  const toggle = async (id: string, enabled: boolean) => setStatus(await toggleLexicon(update, deps.builtinLexicons, id, enabled));

  const rescore = async () => {
    if (summary === null || summary.kind === 'none') return;
    try {
      await deps.sendToTab(summary.tabId, 'ui-cs:rescore', {});
      setStatus('Re-scoring this video…');
    } catch {
      setStatus('The video tab did not answer; reload it and try again.');
    }
    await refresh();
  };

  const hasVideo = summary !== null && summary.kind !== 'none';

  return (
    <main class="popup">
      <header class="title-row">
        <h1>Perspective Map</h1>
        <span class="links">
          <button type="button" class="link" data-action="open-library" onClick={() => void deps.openLibraryPage()}>
            Library
          </button>
          <button type="button" class="link" onClick={() => void deps.openOptionsPage()}>
            Options
          </button>
        </span>
      </header>

      <HeadlineView summary={summary} />
      {summary && summary.kind !== 'none' && summary.problems ? <PageProblems problems={summary.problems} copyText={deps.copyText} /> : null}

      <button type="button" class="primary" onClick={rescore} disabled={!hasVideo}>
        Re-score this video
      </button>

      <section aria-label="Lexicons">
        <h2>Lexicons</h2>
        {settings ? (
          <LexiconToggles catalog={catalog} settings={settings} onToggle={toggle} idPrefix="popup-lex" />
        ) : (
          <p class="muted small">Loading settings…</p>
        )}
      </section>

      <p class="status small" role="status" aria-live="polite" data-testid="popup-status">
        {status}
      </p>

      {settings ? <RecordingToggle settings={settings} update={update} idPrefix="popup" /> : null}

      <CacheControls deps={deps} />
    </main>
  );
}
