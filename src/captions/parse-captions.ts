import { CaptionParseError, type CaptionFormat, type ParsedCaptions } from './cue';
import { parseJson3 } from './parse-json3';
import { parsePlainText } from './parse-plain-text';
import { parseTimedTextXml } from './parse-timedtext-xml';
import { parseVtt } from './parse-vtt';

/**
 * Any caption body YouTube (or the transcript panel fallback) can hand us → cues.
 *
 * The format is recognised from the body, not from the URL's `fmt` (the server may ignore it). A body
 * that starts like JSON, XML or WebVTT is parsed as that format and a failure is reported as a
 * CaptionParseError naming the format — it is never re-read as plain text, because a truncated json3 body
 * scored as "text" would produce a confident map of garbage.
 */
export function parseCaptions(body: string): ParsedCaptions {
  const start = firstContentIndex(body);
  if (start === body.length) throw new CaptionParseError('empty caption body');
  const format = detectFormat(body, start);
  const source = start === 0 ? body : body.slice(start);
  switch (format) {
    case 'json3':
      return { format, cues: parseJson3(source) };
    case 'srv3':
    case 'srv2':
    case 'srv1':
      return { format, cues: parseTimedTextXml(source, format) };
    case 'vtt':
      return { format, cues: parseVtt(source) };
    case 'text':
      return { format, cues: parsePlainText(source) };
  }
}

/** Skips a BOM and leading whitespace without copying the (possibly 15 MB) body. */
function firstContentIndex(body: string): number {
  let i = 0;
  while (i < body.length) {
    const code = body.charCodeAt(i);
    if (code === 0xfeff || code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) i++;
    else break;
  }
  return i;
}

const TIMING_LINE = /^(?:\d+:)?\d{2}:\d{2}[.,]\d{3}[ \t]+-->/m;

function detectFormat(body: string, start: number): CaptionFormat {
  const first = body[start];
  if (first === '{') return 'json3';
  if (first === '<') return detectXmlFormat(body.slice(start, start + 2048));
  if (body.startsWith('WEBVTT', start)) return 'vtt';
  // Header-less WebVTT / SRT: a numbered or bare cue whose timing line comes within the first lines.
  if (TIMING_LINE.test(body.slice(start, start + 512))) return 'vtt';
  return 'text';
}

function detectXmlFormat(head: string): CaptionFormat {
  const root = /<([A-Za-z][\w:.-]*)([^>]*)/.exec(head.replace(/<\?[^]*?\?>|<!--[^]*?-->|<!DOCTYPE[^>]*>/gi, ''));
  const name = root?.[1]?.toLowerCase();
  if (!root || !/>/.test(head.slice(head.indexOf(root[0])))) {
    throw new CaptionParseError('broken XML (the body ends before its root element)');
  }
  if (name === 'timedtext') return /\bformat\s*=\s*["']3["']/.test(root?.[2] ?? '') ? 'srv3' : 'srv2';
  if (name === 'transcript') return 'srv1';
  if (name === 'html' || /^<!doctype html/i.test(head)) {
    throw new CaptionParseError('received an HTML page, not a caption body');
  }
  throw new CaptionParseError(`unknown XML caption format (root element <${name ?? '?'}>)`);
}
