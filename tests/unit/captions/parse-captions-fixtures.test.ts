import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CaptionParseError, type CaptionFormat } from '../../../src/captions/cue';
import { parseCaptions } from '../../../src/captions/parse-captions';

const fixture = (name: string) => readFileSync(`tests/fixtures/captions/${name}`, 'utf8');

interface Case {
  file: string;
  format: CaptionFormat;
  count: number;
  first: { startMs: number; endMs: number; text: string };
  last: { startMs: number; endMs: number; text: string };
}

const cases: Case[] = [
  {
    file: 'timedtext_json3_asr_shape-sample.json3', format: 'json3', count: 4,
    first: { startMs: 160, endMs: 2960, text: 'hello everyone and welcome back' },
    last: { startMs: 7440, endMs: 10440, text: '[Music]' },
  },
  {
    file: 'timedtext_json3_manual_shape-sample.json3', format: 'json3', count: 5,
    first: { startMs: 1200, endMs: 3500, text: 'Welcome to the bakery tour.' },
    last: { startMs: 11500, endMs: 14000, text: "That's all for today." },
  },
  {
    file: 'timedtext_srv3_asr_shape-sample.xml', format: 'srv3', count: 4,
    first: { startMs: 160, endMs: 2960, text: 'hello everyone and welcome back' },
    last: { startMs: 7440, endMs: 10440, text: '[Music]' },
  },
  {
    file: 'timedtext_srv3_styled-manual_shape-sample.xml', format: 'srv3', count: 5,
    first: { startMs: 0, endMs: 2500, text: 'Chapter one' },
    last: { startMs: 11500, endMs: 14500, text: 'Please keep your ticket.' },
  },
  {
    file: 'timedtext_srv2_missing-d_shape-sample.xml', format: 'srv2', count: 4,
    first: { startMs: 1000, endMs: 3000, text: 'the market opens at eight' },
    last: { startMs: 8000, endMs: 8000, text: 'we close at noon' },
  },
  {
    file: 'timedtext_srv1_asr_real_2025-12_eF8Qqp7rjDg.xml', format: 'srv1', count: 133,
    first: { startMs: 560, endMs: 3520, text: 'citizens of the world welcome to this' },
    last: { startMs: 400240, endMs: 403240, text: 'I' },
  },
  {
    file: 'timedtext_srv1_shape-sample.xml', format: 'srv1', count: 5,
    first: { startMs: 160, endMs: 2960, text: 'hello everyone and welcome back' },
    last: { startMs: 10500, endMs: 14120, text: 'water them twice a week' },
  },
  {
    file: 'timedtext_srv1_handwritten-by-upstream.xml', format: 'srv1', count: 3,
    first: { startMs: 0, endMs: 1540, text: 'Hey, this is just a test' },
    last: { startMs: 5700, endMs: 8939, text: 'just something shorter, I made up for testing' },
  },
  {
    file: 'timedtext_vtt_asr_real-fragment.vtt', format: 'vtt', count: 3,
    first: { startMs: 286070, endMs: 286470, text: 'yeah' },
    last: { startMs: 304080, endMs: 305069, text: "this will happen is I'm telling" },
  },
];

describe('parseCaptions over every caption fixture', () => {
  it.each(cases)('$file → $format, $count cues', ({ file, format, count, first, last }) => {
    const parsed = parseCaptions(fixture(file));
    expect(parsed.format).toBe(format);
    expect(parsed.cues).toHaveLength(count);
    expect(parsed.cues[0]).toEqual(first);
    expect(parsed.cues.at(-1)).toEqual(last);
  });

  it.each(cases)('$file: ordered, clipped, trimmed, no escaped entities left', ({ file }) => {
    const { cues } = parseCaptions(fixture(file));
    for (let i = 0; i < cues.length; i++) {
      const cue = cues[i]!;
      expect(cue.text).toMatch(/^\S(?:.*\S)?$/);
      expect(cue.text).not.toMatch(/&(?:amp|lt|gt|quot|#\d+|#x[0-9a-f]+);/i);
      expect(cue.endMs).toBeGreaterThanOrEqual(cue.startMs);
      const next = cues[i + 1];
      if (next) {
        expect(next.startMs).toBeGreaterThanOrEqual(cue.startMs);
        expect(cue.endMs).toBeLessThanOrEqual(next.startMs);
      }
    }
  });

  it('json3 and srv3 renderings of the same ASR sample agree', () => {
    expect(parseCaptions(fixture('timedtext_srv3_asr_shape-sample.xml')).cues).toEqual(
      parseCaptions(fixture('timedtext_json3_asr_shape-sample.json3')).cues,
    );
  });

  it.each([
    ['timedtext_srv1_asr_real_2025-12_eF8Qqp7rjDg.xml', 'videos on to what\'s new so the free'],
    ['timedtext_srv1_shape-sample.xml', 'in the garden bed & the pots'],
    ['timedtext_srv1_shape-sample.xml', "today we're planting tomatoes"],
    ['timedtext_srv3_styled-manual_shape-sample.xml', "Pier 3 'North'"],
    ['timedtext_srv3_styled-manual_shape-sample.xml', 'Tickets cost four euros.'],
    ['timedtext_json3_manual_shape-sample.json3', 'Bread & rolls bake at <220> degrees.'],
    ['timedtext_json3_manual_shape-sample.json3', 'First we mix flour, water and a pinch of salt.'],
    ['timedtext_srv1_handwritten-by-upstream.xml', 'this is not the original transcript'],
  ])('%s decodes to %j', (file, text) => {
    expect(parseCaptions(fixture(file)).cues.map((cue) => cue.text)).toContain(text);
  });

  it('srv1 real ASR body: double-escaped apostrophes all decoded', () => {
    const body = fixture('timedtext_srv1_asr_real_2025-12_eF8Qqp7rjDg.xml');
    expect(body).toContain('&amp;#39;');
    const texts = parseCaptions(body).cues.map((cue) => cue.text).join(' ');
    expect(texts).not.toContain('&');
    expect(texts).toContain("I'm using Azure kubernetes");
  });

  it('srv2: a missing d ends at the next start, d="0" stays zero-length', () => {
    const { cues } = parseCaptions(fixture('timedtext_srv2_missing-d_shape-sample.xml'));
    expect(cues[1]).toEqual({ startMs: 4000, endMs: 6500, text: 'bring a basket' });
    expect(cues[2]).toEqual({ startMs: 6500, endMs: 6500, text: 'and some coins' });
  });

  it('rolling VTT: the repeated "yeah" line and the 10 ms repeat cue are not new segments', () => {
    const { cues } = parseCaptions(fixture('timedtext_vtt_asr_real-fragment.vtt'));
    expect(cues.map((cue) => cue.text)).toEqual(['yeah', 'what', "this will happen is I'm telling"]);
  });
});

describe('malformed bodies are CaptionParseErrors naming the format', () => {
  const xmlAndJson = cases.filter((c) => c.format !== 'vtt');
  const truncations = xmlAndJson.flatMap((c) => [0.2, 0.5, 0.95].map((fraction) => [c.file, c.format, fraction] as const));

  it.each(truncations)('%s (%s) truncated at %f', (file, format, fraction) => {
    const body = fixture(file);
    const cut = body.slice(0, Math.floor(body.length * fraction));
    expect(() => parseCaptions(cut)).toThrow(CaptionParseError);
    try {
      parseCaptions(cut);
    } catch (error) {
      // Cut before the root element is complete, the XML flavour cannot be known: still a broken-XML error.
      if ((error as CaptionParseError).format === undefined) expect((error as Error).message).toMatch(/^broken XML/);
      else {
        expect((error as CaptionParseError).format).toBe(format);
        expect((error as Error).message).toMatch(new RegExp(`^${format}: `));
      }
    }
  });

  const vtt = fixture('timedtext_vtt_asr_real-fragment.vtt');
  it.each([
    ['inside a timing line', vtt.indexOf('00:05:04.080 -->') + 14],
    ['inside a timing line, before the arrow ends', vtt.indexOf('00:04:46.470 --> 00:05') + 20],
    ['inside a word timing tag', vtt.indexOf('<00:05:04.379>') + 6],
    ['inside a class tag', vtt.indexOf('<c.colorE5E5E5> happen') + 8],
  ])('vtt truncated %s', (_where, at) => {
    expect(() => parseCaptions(vtt.slice(0, at))).toThrow(/^vtt: /);
  });

  it.each([
    ['mismatched closing tag', '<transcript><text start="1" dur="1">a</p></transcript>', /srv1: broken XML \(mismatched <\/p> for <text>/],
    ['unquoted attribute', '<transcript><text start=1 dur="1">a</text></transcript>', /srv1: broken XML \(unquoted value/],
    ['text after the root', '<timedtext><text t="1">a</text></timedtext> trailing', /srv2: broken XML \(text outside the root/],
    ['second root', '<timedtext></timedtext><timedtext></timedtext>', /srv2: broken XML \(second root/],
    ['unterminated comment', '<timedtext format="3"><!-- x', /srv3: broken XML \(unterminated comment/],
    ['cue without start', '<transcript><text dur="1">a</text></transcript>', /srv1: <text> without a valid start/],
    ['wrong root for srv', '<?xml version="1.0"?><rss></rss>', /unknown XML caption format \(root element <rss>\)/],
    ['cut inside the root tag', '<?xml version="1.0" encoding="utf-8" ?>\n<timed', /^broken XML \(the body ends before its root element\)$/],
    ['an HTML page', '<!DOCTYPE html><html><body>consent</body></html>', /HTML page, not a caption body/],
  ])('%s', (_name, body, message) => {
    expect(() => parseCaptions(body)).toThrow(CaptionParseError);
    expect(() => parseCaptions(body)).toThrow(message);
  });
});

describe('format detection', () => {
  it.each([
    ['\ufeff{"events":[]}', 'json3'],
    ['  \n<?xml version="1.0"?>\n<!-- c --><timedtext format="3"><body></body></timedtext>', 'srv3'],
    ['<timedtext><text t="0" d="1">x</text></timedtext>', 'srv2'],
    ['<transcript></transcript>', 'srv1'],
    ['WEBVTT\n\n00:00.000 --> 00:01.000\nhi', 'vtt'],
    ['1\n00:00:01,000 --> 00:00:02,000\nhello\n', 'vtt'],
    ['[Music] hello there\nsecond line', 'text'],
  ])('%j → %s', (body, format) => {
    expect(parseCaptions(body).format).toBe(format);
  });

  it('a whitespace-only cue is dropped in every format; noise like [Music] is kept', () => {
    expect(parseCaptions('<transcript><text start="0" dur="1"> &amp;nbsp; </text><text start="1" dur="1">[Music]</text></transcript>').cues)
      .toEqual([{ startMs: 1000, endMs: 2000, text: '[Music]' }]);
    expect(parseCaptions('WEBVTT\n\n00:00.000 --> 00:01.000\n \n\n00:01.000 --> 00:02.000\n[Music]\n').cues)
      .toEqual([{ startMs: 1000, endMs: 2000, text: '[Music]' }]);
  });
});
