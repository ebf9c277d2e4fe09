/** Every state that is not a map: loading, no captions, captions unavailable (with what was tried), error. */
import type { PanelView } from '../panel-view';

export const STATUS_TEXT = {
  loading: 'Reading the captions…',
  'no-captions': 'This video has no captions',
  unavailable: 'YouTube did not hand over the captions',
  error: 'Something went wrong while mapping this video',
} as const;

export interface StatusViewProps {
  view: PanelView;
  onRetry(): void;
}

export function statusSentence(view: PanelView): string {
  if (view.message) return view.message;
  return view.state in STATUS_TEXT ? STATUS_TEXT[view.state as keyof typeof STATUS_TEXT] : '';
}

export function StatusView({ view, onRetry }: StatusViewProps) {
  const sentence = statusSentence(view);
  const retry = view.state === 'unavailable' || view.state === 'error';
  const progress = view.progress;
  return (
    <div class={`status status-${view.state}`} role={view.state === 'error' ? 'alert' : 'status'}>
      <p class="status-sentence">{sentence}</p>
      {view.state === 'loading' && typeof progress === 'number' && Number.isFinite(progress) ? (
        <progress class="status-progress" max={1} value={Math.min(1, Math.max(0, progress))} aria-label="Progress" />
      ) : null}
      {view.state === 'unavailable' && view.attempts && view.attempts.length > 0 ? (
        <details class="status-attempts">
          <summary>What was tried</summary>
          <ul>
            {view.attempts.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {retry ? (
        <button type="button" class="button" onClick={() => onRetry()}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
