import { CaptionParseError, type Cue } from './cue';
import { normalizeCueText } from './cue-text';
import { decodeEntities } from './decode-entities';
import { finishCues } from './finish-cues';
import { parseXml, textContent, XmlError, type XmlElement } from './parse-xml';

export type TimedTextXmlFormat = 'srv3' | 'srv2' | 'srv1';

/**
 * YouTube's XML caption bodies:
 * - srv3 `<timedtext format="3"><body><p t d>` (ms), words in `<s>`; pens, styles and windows ignored;
 *   `a="1"` append paragraphs holding only the rolling window's newline are not segments;
 * - srv2 `<timedtext><text t d>` (ms), `d` sometimes missing;
 * - srv1 `<transcript><text start dur>` (seconds).
 * Text is decoded a second time because YouTube escapes it twice (`&amp;#39;`); what the second pass turns
 * into formatting tags (`&lt;i>`) is markup from the caption author and is dropped.
 */
export function parseTimedTextXml(body: string, format: TimedTextXmlFormat): Cue[] {
  let root: XmlElement;
  try {
    root = parseXml(body);
  } catch (error) {
    if (error instanceof XmlError) throw new CaptionParseError(`${format}: broken XML (${error.message})`, format);
    throw error;
  }
  const expectedRoot = format === 'srv1' ? 'transcript' : 'timedtext';
  if (root.name !== expectedRoot) {
    throw new CaptionParseError(`${format}: expected <${expectedRoot}> root, found <${root.name}>`, format);
  }

  const cues: Cue[] = [];
  const elementName = format === 'srv3' ? 'p' : 'text';
  for (const element of cueElements(root, elementName)) {
    const text = normalizeCueText(stripFormattingTags(decodeEntities(textContent(element))));
    if (text === '') continue;
    const timing = format === 'srv1' ? secondsTiming(element) : millisecondTiming(element);
    if (!timing) throw new CaptionParseError(`${format}: <${elementName}> without a valid start time`, format);
    cues.push({ startMs: timing.startMs, endMs: timing.startMs + timing.durationMs, text });
  }
  return finishCues(cues);
}

/** Cue elements are children of the root or of its `<body>`. */
function* cueElements(root: XmlElement, name: string): Generator<XmlElement> {
  for (const child of root.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) yield child;
    else if (child.name === 'body') {
      for (const inner of child.children) if (typeof inner !== 'string' && inner.name === name) yield inner;
    }
  }
}

interface Timing {
  startMs: number;
  /** NaN when the body gives no duration: the cue then ends where the next one starts. */
  durationMs: number;
}

function millisecondTiming(element: XmlElement): Timing | null {
  const startMs = readNumber(element.attrs.t);
  if (startMs === null) return null;
  return { startMs, durationMs: readNumber(element.attrs.d) ?? Number.NaN };
}

function secondsTiming(element: XmlElement): Timing | null {
  const start = readNumber(element.attrs.start);
  if (start === null) return null;
  const dur = readNumber(element.attrs.dur);
  return { startMs: Math.round(start * 1000), durationMs: dur === null ? Number.NaN : Math.round(dur * 1000) };
}

function readNumber(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : null;
}

// Only the inline formatting tags caption authors use; any other "<" is speech-adjacent text ("<220>").
const FORMATTING_TAG = /<\/?(?:i|b|u|em|strong|font|span|c)(?:\s[^<>]*)?>/gi;

function stripFormattingTags(text: string): string {
  return text.indexOf('<') === -1 ? text : text.replace(FORMATTING_TAG, ' ');
}
