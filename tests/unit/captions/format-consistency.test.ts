import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../src/captions/cue';
import { parseCaptions } from '../../../src/captions/parse-captions';
import { writeJson3, writeSrv1, writeSrv2, writeSrv3, writeVtt } from '../../support/caption-writers';

/**
 * The replica serves one episode as json3, srv3, srv1 and vtt; whichever the extension receives, the
 * segment count (DESIGN §9 "caption segments") and texts must be the same.
 */
const seed = parseCaptions(readFileSync('tests/fixtures/episodes/4WNWeUQ7Hfc/captions.asr.json3', 'utf8')).cues;

// A few awkward texts on top of the seed: entities, apostrophes, a literal "<", noise tags.
const awkward: Cue[] = [
  { startMs: 0, endMs: 1000, text: "R&D isn't <free> & \"cheap\"" },
  { startMs: 1000, endMs: 2500, text: '[Music]' },
  { startMs: 2500, endMs: 4000, text: 'AT&amp;T is a literal entity-looking text' },
];

const writers: [string, (cues: readonly Cue[]) => string, string][] = [
  ['json3', writeJson3, 'json3'],
  ['srv3', writeSrv3, 'srv3'],
  ['srv2', writeSrv2, 'srv2'],
  ['srv1', writeSrv1, 'srv1'],
  ['vtt (uploaded, one cue per segment)', (cues) => writeVtt(cues, { rolling: false }), 'vtt'],
  ['vtt (ASR rolling window)', (cues) => writeVtt(cues, { rolling: true }), 'vtt'],
];

describe('the seed episode written in every format parses back to the same 3,261 segments', () => {
  it.each(writers)('%s', (_name, write, format) => {
    const parsed = parseCaptions(write(seed));
    expect(parsed.format).toBe(format);
    expect(parsed.cues).toHaveLength(3261);
    expect(parsed.cues.map((cue) => cue.text)).toEqual(seed.map((cue) => cue.text));
    expect(parsed.cues.map((cue) => cue.startMs)).toEqual(seed.map((cue) => cue.startMs));
  });
});

describe('awkward texts survive every format', () => {
  // srv2/srv3 text is decoded twice (YouTube double-escapes even there), so a text that itself looks like
  // an entity ("&amp;") written with single escaping loses one level; srv1 is written twice-escaped and
  // round-trips exactly.
  it.each(writers)('%s', (name, write) => {
    const texts = parseCaptions(write(awkward)).cues.map((cue) => cue.text);
    expect(texts.slice(0, 2)).toEqual([awkward[0]!.text, '[Music]']);
    const literal = name === 'srv3' || name === 'srv2' ? 'AT&T is a literal entity-looking text' : awkward[2]!.text;
    expect(texts[2]).toBe(literal);
  });
});
