import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CaptionParseError } from '../../../src/captions/cue';
import { parseCaptions } from '../../../src/captions/parse-captions';
import { parseJson3 } from '../../../src/captions/parse-json3';

const seedBody = readFileSync('tests/fixtures/episodes/4WNWeUQ7Hfc/captions.asr.json3', 'utf8');

describe('parseJson3 on the seed episode (ASR, 12 h scale shape)', () => {
  const { format, cues } = parseCaptions(seedBody);

  it('recognises json3 and yields exactly the 3,261 caption segments of DESIGN §1/§9', () => {
    expect(format).toBe('json3');
    expect(cues).toHaveLength(3261);
  });

  it('joins word segs and keeps noise tags in the text', () => {
    expect(cues[0]).toEqual({ startMs: 0, endMs: 2732, text: "[Music] hello everybody in this episode I'll" });
    expect(cues[1]!.text).toBe('be speaking with the cron Pharma a');
    expect(cues.at(-1)!.text).toBe('me at feedback axr p.net [Laughter] [Music]');
    expect(cues.at(-1)!.startMs).toBe(8776105);
    expect(cues.at(-1)!.endMs).toBe(8776105 + 2692);
  });

  it('keeps start order and clips rolling overlaps at the next start', () => {
    for (let i = 1; i < cues.length; i++) {
      expect(cues[i]!.startMs).toBeGreaterThanOrEqual(cues[i - 1]!.startMs);
      expect(cues[i - 1]!.endMs).toBeLessThanOrEqual(cues[i]!.startMs);
      expect(cues[i - 1]!.endMs).toBeGreaterThanOrEqual(cues[i - 1]!.startMs);
    }
  });

  it('leaves no newline, double space or untrimmed text', () => {
    for (const cue of cues) expect(cue.text).toMatch(/^\S(?:.*\S)?$/);
    expect(cues.some((cue) => /\s{2}|\n/.test(cue.text))).toBe(false);
  });
});

describe('parseJson3 edge cases', () => {
  const body = (events: unknown[]) => JSON.stringify({ wireMagic: 'pb3', events });

  it.each([
    ['window event only', [{ tStartMs: 0, dDurationMs: 100, id: 1 }], []],
    ['aAppend newline event', [{ tStartMs: 0, dDurationMs: 100, aAppend: 1, segs: [{ utf8: '\n' }] }], []],
    ['all-whitespace segs', [{ tStartMs: 0, dDurationMs: 100, segs: [{ utf8: ' ' }, { utf8: '\u00a0\n' }] }], []],
    ['newline inside a seg', [{ tStartMs: 5, dDurationMs: 10, segs: [{ utf8: 'a\nb' }] }], [{ startMs: 5, endMs: 15, text: 'a b' }]],
    ['entities are not decoded', [{ tStartMs: 0, dDurationMs: 10, segs: [{ utf8: 'R&amp;D <b>' }] }], [{ startMs: 0, endMs: 10, text: 'R&amp;D <b>' }]],
    ['seg without utf8', [{ tStartMs: 0, dDurationMs: 10, segs: [{}, { utf8: ' x ' }] }], [{ startMs: 0, endMs: 10, text: 'x' }]],
    ['missing duration ends at the next start', [
      { tStartMs: 0, segs: [{ utf8: 'one' }] },
      { tStartMs: 700, dDurationMs: 100, segs: [{ utf8: 'two' }] },
    ], [{ startMs: 0, endMs: 700, text: 'one' }, { startMs: 700, endMs: 800, text: 'two' }]],
    ['out-of-order events are sorted', [
      { tStartMs: 900, dDurationMs: 100, segs: [{ utf8: 'late' }] },
      { tStartMs: 100, dDurationMs: 100, segs: [{ utf8: 'early' }] },
    ], [{ startMs: 100, endMs: 200, text: 'early' }, { startMs: 900, endMs: 1000, text: 'late' }]],
  ])('%s', (_name, events, expected) => {
    expect(parseJson3(body(events))).toEqual(expected);
  });

  it.each([
    ['truncated JSON', seedBody.slice(0, 5000), /json3: invalid or truncated JSON/],
    ['no events array', '{"wireMagic":"pb3"}', /json3: no "events" array/],
    ['events not an array', '{"events":{}}', /json3: no "events" array/],
  ])('%s → CaptionParseError', (_name, text, message) => {
    expect(() => parseCaptions(text)).toThrow(CaptionParseError);
    expect(() => parseCaptions(text)).toThrow(message);
    try {
      parseCaptions(text);
    } catch (error) {
      expect((error as CaptionParseError).format).toBe('json3');
    }
  });

  it.each(['', '   \n\t ', '\ufeff  '])('empty body %j → CaptionParseError("empty caption body")', (text) => {
    expect(() => parseCaptions(text)).toThrow(new CaptionParseError('empty caption body'));
  });
});
