/** The headline of a tab's map (its sentence and a leaning · lens · confidence line), or why there is none. */
import { NO_VIDEO_MESSAGE, bandText, stanceText, topicText, type TabSummary } from './tab-summary';

export default function HeadlineView({ summary }: { summary: TabSummary | null }) {
  if (summary === null) {
    return (
      <section class="headline" aria-busy="true" aria-label="Current video">
        <p class="muted">Looking for a YouTube video…</p>
      </section>
    );
  }
  if (summary.kind === 'none') {
    return (
      <section class="headline" aria-label="Current video">
        <p class="muted" data-testid="headline-message">
          {NO_VIDEO_MESSAGE}
        </p>
      </section>
    );
  }
  if (summary.kind === 'state') {
    return (
      <section class="headline" aria-label="Current video" data-state={summary.state}>
        <p class="muted" data-testid="headline-message">
          {summary.message}
        </p>
      </section>
    );
  }
  const h = summary.map.headline;
  const stance = stanceText(summary.map);
  const topic = topicText(summary.map);
  return (
    <section class="headline" aria-label="Current video" data-state={summary.offTopic ? 'off-topic' : 'ready'}>
      {topic && (
        <p class="topic" data-testid="headline-topic">
          {topic}
          {summary.offTopic ? ' — the page offers “Show the map anyway”.' : ' (shown anyway).'}
        </p>
      )}
      <p class={`leaning band-${h.leaning}`} data-testid="headline-line">
        <strong>{bandText(h.leaning)} leaning</strong>
        {stance && ` · ${stance}`}
        {' · '}
        {h.lens} lens{' · '}Confidence: {h.confidence}
      </p>
      <p class="sentence" data-testid="headline-sentence">
        {h.sentence}
      </p>
      {summary.track && (
        <p class="muted small">
          Captions: {summary.track.name || summary.track.languageCode}
          {summary.track.kind === 'asr' ? ' (auto-generated)' : ''}
        </p>
      )}
    </section>
  );
}
