import { CaptionParseError, type Cue } from './cue';
import { normalizeCueText } from './cue-text';
import { decodeEntities } from './decode-entities';
import { finishCues } from './finish-cues';

/**
 * WebVTT (`fmt=vtt`, also header-less SRT-like bodies).
 *
 * YouTube's ASR VTT is a rolling two-line window: each cue repeats the previous line above the new one
 * (with `<00:00:01.000><c> word</c>` timing tags), and a 10 ms cue in between shows the finished line
 * again. Counting that naively would double every line, so when a body carries word timing tags
 * ("rolling" mode) a line that the previous cue already showed is not a new segment. Bodies without
 * timing tags (uploaded captions) keep one segment per cue, repeats included.
 *
 * Headers, NOTE/STYLE/REGION blocks and cue identifiers are skipped. A line containing `-->` that is not a
 * valid timing line, or a tag cut off mid-line, means a broken/truncated body: CaptionParseError.
 */
export function parseVtt(body: string): Cue[] {
  const raw = readRawCues(body.split(/\r\n|\r|\n/));
  const rolling = raw.some((cue) => cue.lines.some((line) => WORD_TIMING_TAG.test(line)));
  const cues: Cue[] = [];
  let previous: string[] = [];
  for (const cue of raw) {
    const lines = cue.lines.map(cleanLine).filter((line) => line !== '');
    if (rolling) {
      for (const line of lines) {
        if (!previous.includes(line)) cues.push({ startMs: cue.startMs, endMs: cue.endMs, text: line });
      }
    } else if (lines.length > 0) {
      cues.push({ startMs: cue.startMs, endMs: cue.endMs, text: normalizeCueText(lines.join(' ')) });
    }
    previous = lines;
  }
  return finishCues(cues);
}

interface RawCue {
  startMs: number;
  endMs: number;
  lines: string[];
  lineNumber: number;
}

const TIMESTAMP = String.raw`(?:(\d+):)?(\d{2}):(\d{2})[.,](\d{3})`;
const TIMING_LINE = new RegExp(String.raw`^\s*${TIMESTAMP}[ \t]+-->[ \t]+${TIMESTAMP}(?:[ \t].*)?$`);
/** A line starting with a full timestamp but no arrow is a cut-off timing line, not speech. */
const PARTIAL_TIMING_LINE = new RegExp(String.raw`^\s*${TIMESTAMP}(?:\s|$)`);
const WORD_TIMING_TAG = /<(?:\d+:)?\d{2}:\d{2}\.\d{3}>/;

function readRawCues(lines: string[]): RawCue[] {
  const cues: RawCue[] = [];
  let current: RawCue | null = null;
  let index = 0;
  // The header (WEBVTT line plus YouTube's Kind/Language/Style lines) runs to the first blank line.
  if (lines[0]?.replace(/^\ufeff/, '').startsWith('WEBVTT')) {
    while (index < lines.length && lines[index]!.trim() !== '') index++;
  }
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.includes('-->') || PARTIAL_TIMING_LINE.test(line)) {
      const match = TIMING_LINE.exec(line);
      if (!match) throw new CaptionParseError(`vtt: malformed timing line ${index + 1}: "${line.slice(0, 80)}"`, 'vtt');
      current = { startMs: toMs(match, 1), endMs: toMs(match, 5), lines: [], lineNumber: index + 1 };
      cues.push(current);
    } else if (line === '') {
      // End of a cue payload or of a NOTE/STYLE block. Only a truly empty line counts (as in the WebVTT
      // parsing rules): YouTube's rolling cues start with a " " line that belongs to the payload.
      current = null;
    } else if (current) {
      current.lines.push(line);
    }
    // Lines outside a cue: identifiers and NOTE/STYLE/REGION content, not speech.
  }
  for (const cue of cues) {
    for (const line of cue.lines) {
      if (line.lastIndexOf('<') > line.lastIndexOf('>')) {
        throw new CaptionParseError(`vtt: unclosed tag in the cue at line ${cue.lineNumber}`, 'vtt');
      }
    }
  }
  return cues;
}

function toMs(match: RegExpExecArray, at: number): number {
  const hours = Number(match[at] ?? 0);
  const minutes = Number(match[at + 1]);
  const seconds = Number(match[at + 2]);
  const millis = Number(match[at + 3]);
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

/** Tags (`<c>`, `<v Name>`, timing tags) go; entities are decoded; whitespace normalised. */
function cleanLine(line: string): string {
  const untagged = line.indexOf('<') === -1 ? line : line.replace(/<[^>]*>/g, '');
  return normalizeCueText(decodeEntities(untagged));
}
