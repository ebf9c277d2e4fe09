import type { Cue } from './cue';
import { normalizeCueText } from './cue-text';

/** Lines longer than this are split: a pasted paragraph is not one caption segment. */
const LONG_LINE_WORDS = 12;
const CHUNK_WORDS = 7;
/** Typical speech rate, used for synthetic times (plain text has none). */
const WORDS_PER_SECOND = 2.5;

/**
 * Plain text (a pasted transcript, the CLI's `.txt` input): one cue per non-empty line, long lines split
 * into cues of about seven words, times synthesised from 0 at speech rate so slices still have a span.
 */
export function parsePlainText(body: string): Cue[] {
  const cues: Cue[] = [];
  let clockMs = 0;
  for (const line of body.split(/\r\n|\r|\n/)) {
    const text = normalizeCueText(line);
    if (text === '') continue;
    for (const chunk of splitLongLine(text)) {
      const words = countWords(chunk);
      const durationMs = Math.round((words / WORDS_PER_SECOND) * 1000);
      cues.push({ startMs: clockMs, endMs: clockMs + durationMs, text: chunk });
      clockMs += durationMs;
    }
  }
  return cues;
}

function splitLongLine(text: string): string[] {
  const words = text.split(' ');
  if (words.length <= LONG_LINE_WORDS) return [text];
  // Even chunks (e.g. 20 words → 7, 7, 6) rather than a stub at the end.
  const chunkCount = Math.max(2, Math.round(words.length / CHUNK_WORDS));
  const chunks: string[] = [];
  for (let c = 0; c < chunkCount; c++) {
    const from = Math.round((c * words.length) / chunkCount);
    const to = Math.round(((c + 1) * words.length) / chunkCount);
    chunks.push(words.slice(from, to).join(' '));
  }
  return chunks;
}

function countWords(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x20) count++;
  return count;
}
