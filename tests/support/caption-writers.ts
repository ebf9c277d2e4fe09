import type { Cue } from '../../src/captions/cue';

/**
 * Writers that turn cues into the caption bodies YouTube serves, so tests (and the replica) can serve one
 * episode in every format and check that all of them parse back to the same segments.
 * They follow the real shapes: srv1 text escaped twice, srv3 with a head and ms times, ASR-style rolling
 * WebVTT with word timing tags and the 10 ms transition cue.
 */

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function writeJson3(cues: readonly Cue[]): string {
  const events: unknown[] = [{ tStartMs: 0, dDurationMs: lastEnd(cues), id: 1, wpWinPosId: 1, wsWinStyleId: 1 }];
  for (const cue of cues) {
    const words = cue.text.split(' ');
    const step = Math.floor((cue.endMs - cue.startMs) / Math.max(1, words.length));
    events.push({
      tStartMs: cue.startMs,
      dDurationMs: cue.endMs - cue.startMs,
      wWinId: 1,
      segs: words.map((word, i) => (i === 0 ? { utf8: word, acAsrConf: 0 } : { utf8: ` ${word}`, tOffsetMs: i * step, acAsrConf: 0 })),
    });
  }
  return JSON.stringify({ wireMagic: 'pb3', pens: [{}], events });
}

export function writeSrv3(cues: readonly Cue[]): string {
  const out = ['<?xml version="1.0" encoding="utf-8" ?><timedtext format="3">\n<head>\n<ws id="0"/>\n<wp id="0"/>\n</head>\n<body>\n'];
  for (const cue of cues) {
    const words = cue.text.split(' ');
    const step = Math.floor((cue.endMs - cue.startMs) / Math.max(1, words.length));
    const spans = words.map((word, i) => (i === 0 ? `<s ac="0">${escapeXml(word)}</s>` : `<s t="${i * step}" ac="0"> ${escapeXml(word)}</s>`));
    out.push(`<p t="${cue.startMs}" d="${cue.endMs - cue.startMs}" w="1">${spans.join('')}</p>\n`);
    // ASR bodies interleave append paragraphs that only carry the rolling window's newline.
    out.push(`<p t="${cue.endMs}" d="10" w="1" a="1">\n</p>\n`);
  }
  out.push('</body>\n</timedtext>\n');
  return out.join('');
}

export function writeSrv2(cues: readonly Cue[]): string {
  const out = ['<?xml version="1.0" encoding="utf-8" ?>\n<timedtext>\n'];
  for (const cue of cues) out.push(`<text t="${cue.startMs}" d="${cue.endMs - cue.startMs}">${escapeXml(cue.text)}</text>\n`);
  out.push('</timedtext>\n');
  return out.join('');
}

/** srv1 as YouTube serves it: seconds, and the text escaped twice (`'` → `&amp;#39;`). */
export function writeSrv1(cues: readonly Cue[]): string {
  const out = ['<?xml version="1.0" encoding="utf-8" ?><transcript>'];
  for (const cue of cues) {
    out.push(`<text start="${cue.startMs / 1000}" dur="${(cue.endMs - cue.startMs) / 1000}">${escapeXml(escapeXml(cue.text))}</text>`);
  }
  out.push('</transcript>');
  return out.join('');
}

/**
 * WebVTT. `rolling: true` writes YouTube's ASR shape: each cue shows the previous line above the new one
 * (which carries word timing tags), followed by a 10 ms cue repeating the finished line.
 */
export function writeVtt(cues: readonly Cue[], options: { rolling: boolean }): string {
  const out = ['WEBVTT\nKind: captions\nLanguage: en\n\n'];
  let previous = ' ';
  for (const cue of cues) {
    const start = cue.startMs;
    const end = Math.max(cue.endMs - 10, start);
    if (!options.rolling) {
      out.push(`${vttTime(cue.startMs)} --> ${vttTime(cue.endMs)}\n${escapeVtt(cue.text)}\n\n`);
      continue;
    }
    const words = cue.text.split(' ');
    const step = Math.floor((end - start) / Math.max(1, words.length));
    const timed = words
      .map((word, i) => (i === 0 ? escapeVtt(word) : `<${vttTime(start + i * step)}><c> ${escapeVtt(word)}</c>`))
      .join('');
    out.push(`${vttTime(start)} --> ${vttTime(end)} align:start position:0%\n${escapeVtt(previous)}\n${timed}\n\n`);
    out.push(`${vttTime(end)} --> ${vttTime(end + 10)} align:start position:0%\n${escapeVtt(cue.text)}\n \n\n`);
    previous = cue.text;
  }
  return out.join('');
}

function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function vttTime(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(ms % 1000, 3)}`;
}

function lastEnd(cues: readonly Cue[]): number {
  return cues.length === 0 ? 0 : cues[cues.length - 1]!.endMs;
}
