import type { Cue } from '../../../src/captions/cue';

/**
 * One episode's cues served in every format YouTube's `/api/timedtext` speaks, shaped like the real bodies in
 * /work/shared/fixtures/youtube (json3 window event + word segs + aAppend newlines, srv3 `<p><s>`, srv1 in
 * seconds with entities escaped twice, WebVTT with YouTube's rolling duplicated lines and word timing tags),
 * so the extension's parsers meet each shape end to end.
 */
export type TimedtextFormat = 'json3' | 'srv3' | 'srv1' | 'vtt';

export interface RenderInput {
  cues: Cue[];
  asr: boolean;
  languageCode: string;
  /** When the episode's file is already json3, it is served byte for byte. */
  json3Body?: string;
}

export interface RenderedBody {
  body: string;
  contentType: string;
}

export function renderCaptions(input: RenderInput, fmt: TimedtextFormat): RenderedBody {
  switch (fmt) {
    case 'json3':
      return { body: input.json3Body ?? toJson3(input.cues, input.asr), contentType: 'application/json; charset=UTF-8' };
    case 'srv3':
      return { body: toSrv3(input.cues, input.asr), contentType: 'text/xml; charset=UTF-8' };
    case 'srv1':
      return { body: toSrv1(input.cues), contentType: 'text/xml; charset=UTF-8' };
    case 'vtt':
      return { body: toVtt(input.cues, input.asr, input.languageCode), contentType: 'text/vtt; charset=UTF-8' };
  }
}

interface Word {
  offsetMs: number;
  text: string;
}

/** ASR bodies time every word; the replica spreads a cue's words evenly over its first 90 %. */
function words(cue: Cue): Word[] {
  const parts = cue.text.split(/\s+/).filter(Boolean);
  const span = Math.max(0, cue.endMs - cue.startMs) * 0.9;
  return parts.map((text, i) => ({ offsetMs: Math.round((i * span) / parts.length), text: i === 0 ? text : ` ${text}` }));
}

export function toJson3(cues: Cue[], asr: boolean): string {
  const last = cues[cues.length - 1];
  const events: unknown[] = [];
  if (asr) events.push({ tStartMs: 0, dDurationMs: last ? last.endMs : 0, id: 1, wpWinPosId: 1, wsWinStyleId: 1 });
  cues.forEach((cue, i) => {
    const dDurationMs = cue.endMs - cue.startMs;
    if (!asr) {
      events.push({ tStartMs: cue.startMs, dDurationMs, segs: [{ utf8: cue.text }] });
      return;
    }
    events.push({
      tStartMs: cue.startMs,
      dDurationMs,
      wWinId: 1,
      segs: words(cue).map((w, j) => (j === 0 ? { utf8: w.text, acAsrConf: 0 } : { utf8: w.text, tOffsetMs: w.offsetMs, acAsrConf: 0 })),
    });
    const next = cues[i + 1];
    if (next) events.push({ tStartMs: next.startMs - 10, dDurationMs: 10, wWinId: 1, aAppend: 1, segs: [{ utf8: '\n' }] });
  });
  const head = asr
    ? { wireMagic: 'pb3', pens: [{}], wsWinStyles: [{}, { mhModeHint: 2, juJustifCode: 0, sdScrollDir: 3 }], wpWinPositions: [{}, { apPoint: 6, ahHorPos: 20, avVerPos: 100, rcRows: 2, ccCols: 40 }] }
    : { wireMagic: 'pb3', pens: [{}], wsWinStyles: [{}], wpWinPositions: [{}] };
  return JSON.stringify({ ...head, events });
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** srv1 text is HTML-escaped by YouTube and then XML-escaped again: an apostrophe arrives as `&amp;#39;`. */
function srv1Escape(s: string): string {
  const html = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  return html.replace(/&/g, '&amp;');
}

export function toSrv3(cues: Cue[], asr: boolean): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8" ?><timedtext format="3">', '<head>'];
  if (asr) out.push('<ws id="0"/>', '<ws id="1" mh="2" ju="0" sd="3"/>', '<wp id="0"/>', '<wp id="1" ap="6" ah="20" av="100" rc="2" cc="40"/>');
  out.push('</head>', '<body>');
  if (asr) out.push('<w t="0" id="1" wp="1" ws="1"/>');
  cues.forEach((cue, i) => {
    const d = cue.endMs - cue.startMs;
    if (!asr) {
      out.push(`<p t="${cue.startMs}" d="${d}">${xmlEscape(cue.text)}</p>`);
      return;
    }
    const spans = words(cue)
      .map((w, j) => (j === 0 ? `<s ac="0">${xmlEscape(w.text)}</s>` : `<s t="${w.offsetMs}" ac="0">${xmlEscape(w.text)}</s>`))
      .join('');
    out.push(`<p t="${cue.startMs}" d="${d}" w="1">${spans}</p>`);
    const next = cues[i + 1];
    if (next) out.push(`<p t="${next.startMs - 10}" d="10" w="1" a="1">\n</p>`);
  });
  out.push('</body>', '</timedtext>');
  return out.join('\n');
}

export function toSrv1(cues: Cue[]): string {
  const texts = cues.map((c) => `<text start="${c.startMs / 1000}" dur="${(c.endMs - c.startMs) / 1000}">${srv1Escape(c.text)}</text>`);
  return `<?xml version="1.0" encoding="utf-8" ?><transcript>${texts.join('')}</transcript>`;
}

function vttTime(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const f = ms % 1000;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(h)}:${p(m)}:${p(s)}.${p(f, 3)}`;
}

/**
 * YouTube's ASR WebVTT rolls two lines: each caption first appears under the previous one with `<hh:mm:ss.fff><c>`
 * word tags, then a 10 ms cue repeats it as plain text on the top line. A parser that does not merge these
 * duplicates counts every caption twice. Uploaded tracks are plain cues.
 */
export function toVtt(cues: Cue[], asr: boolean, languageCode: string): string {
  const out: string[] = ['WEBVTT', 'Kind: captions', `Language: ${languageCode}`, ''];
  if (!asr) {
    for (const cue of cues) out.push(`${vttTime(cue.startMs)} --> ${vttTime(cue.endMs)}`, cue.text, '');
    return out.join('\n');
  }
  let previous = '';
  cues.forEach((cue, i) => {
    const next = cues[i + 1];
    const rollAt = next ? Math.max(cue.startMs + 10, next.startMs - 10) : cue.endMs;
    const tagged = words(cue)
      .map((w, j) => (j === 0 ? w.text : `<${vttTime(cue.startMs + w.offsetMs)}><c>${w.text}</c>`))
      .join('');
    out.push(`${vttTime(cue.startMs)} --> ${vttTime(rollAt)} align:start position:0%`, previous === '' ? ' ' : previous, tagged, '');
    if (next) out.push(`${vttTime(rollAt)} --> ${vttTime(next.startMs)} align:start position:0%`, cue.text, ' ', '');
    previous = cue.text;
  });
  return out.join('\n');
}
