/**
 * The "Show the map anyway" choices (DESIGN §9.1): how many videos the user chose to see although they say
 * little about AI, and a button that forgets them all (those videos show the off-topic state again).
 */
import { useEffect, useState } from 'preact/hooks';
import { SHOW_ANYWAY_CAP } from '../../settings/show-anyway';
import type { UiDeps } from '../shared/ui-deps';

export default function ShowAnywayChoices({ deps }: { deps: Pick<UiDeps, 'showAnyway'> }) {
  const [count, setCount] = useState<number | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    let live = true;
    const refresh = () =>
      void deps.showAnyway.count().then(
        (n) => live && setCount(n),
        () => live && setCount(0),
      );
    refresh();
    const unwatch = deps.showAnyway.watch(refresh);
    return () => {
      live = false;
      unwatch();
    };
  }, [deps]);

  const forget = async () => {
    try {
      const n = await deps.showAnyway.clear();
      setCount(0);
      setStatus(n === 1 ? 'Forgot 1 choice.' : `Forgot ${n} choices.`);
    } catch (error) {
      setStatus(`Could not forget the choices: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <section class="card" aria-labelledby="show-anyway-title">
      <h2 id="show-anyway-title">Videos not about AI</h2>
      <p class="muted small">
        A video that says too little about AI gets no map on its page, only a sentence and “Show the map anyway”. That choice is remembered
        per video (the {SHOW_ANYWAY_CAP} most recent).
      </p>
      <button type="button" class="button" data-testid="forget-show-anyway" disabled={!count} onClick={() => void forget()}>
        Forget “show anyway” choices ({count ?? '…'})
      </button>
      <p class="muted small" role="status">
        {status}
      </p>
    </section>
  );
}
