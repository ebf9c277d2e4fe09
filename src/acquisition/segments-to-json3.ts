/**
 * The transcript panel gives start times and text only; the worker parses json3, so the panel's rows are
 * handed on as a json3 body: one event per row, duration = next start − start (the last row gets the
 * median duration). Pure.
 */
export interface TranscriptSegment {
  startMs: number;
  text: string;
}

const FALLBACK_LAST_MS = 3000;

export function segmentsToJson3(segments: readonly TranscriptSegment[]): string {
  const rows = segments.filter((s) => Number.isFinite(s.startMs) && s.startMs >= 0 && s.text.trim() !== '');
  rows.sort((a, b) => a.startMs - b.startMs);
  const gaps = rows.slice(1).map((s, i) => s.startMs - rows[i]!.startMs).filter((d) => d > 0).sort((a, b) => a - b);
  const lastMs = gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)]! : FALLBACK_LAST_MS;
  const events = rows.map((s, i) => {
    const next = rows[i + 1];
    const duration = next ? Math.max(next.startMs - s.startMs, 1) : lastMs;
    return { tStartMs: s.startMs, dDurationMs: duration, segs: [{ utf8: s.text.trim() }] };
  });
  return JSON.stringify({ events });
}
