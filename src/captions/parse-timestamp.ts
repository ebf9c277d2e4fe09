/**
 * A transcript-panel timestamp (`0:04`, `12:34`, `1:02:03`) → milliseconds, or null if it is not one.
 * Minutes and seconds after the first field must be two digits below 60, as YouTube prints them.
 */
export function parseTimestamp(text: string): number | null {
  const match = TIMESTAMP.exec(text.trim());
  if (!match) return null;
  const [, a, b, c] = match;
  const hours = c === undefined ? 0 : Number(a);
  const minutes = c === undefined ? Number(a) : Number(b);
  const seconds = c === undefined ? Number(b) : Number(c);
  if (seconds >= 60 || (c !== undefined && minutes >= 60)) return null;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000;
}

const TIMESTAMP = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/;
