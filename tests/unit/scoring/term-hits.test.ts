import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../src/captions/cue';
import { parseCaptions } from '../../../src/captions/parse-captions';
import { BUILTIN_LEXICONS } from '../../../src/lexicons/builtin-lexicons';
import { scoreCues, scoreCuesWithHits } from '../../../src/scoring/score-cues';
import { tokenizeCueIds } from '../../../src/scoring/tokenize-cues';

const lexicons = [...BUILTIN_LEXICONS];
const seedCues = parseCaptions(readFileSync('tests/fixtures/episodes/4WNWeUQ7Hfc/captions.asr.json3', 'utf8')).cues;
const cue = (text: string, i: number): Cue => ({ startMs: i * 2000, endMs: i * 2000 + 2000, text });
const cues = (...texts: string[]): Cue[] => texts.map(cue);

describe('scoreCuesWithHits: every counted term with its place in the original text', () => {
  it('gives the same map as scoreCues (seed episode)', () => {
    const { map } = scoreCuesWithHits(seedCues, { lexicons, videoId: 'x', captionKind: 'asr' });
    expect(map).toEqual(scoreCues(seedCues, { lexicons, videoId: 'x', captionKind: 'asr' }));
  });

  it('sums to each slice\'s net: the hits are the counted terms, no more, no less (seed episode)', () => {
    const { map, hits } = scoreCuesWithHits(seedCues, { lexicons });
    expect(hits.length).toBeGreaterThan(50);
    for (const slice of map.slices) {
      const own = hits.filter((h) => h.slice === slice.index);
      // Every top term the map explains is among the slice's hits.
      for (const term of slice.terms) expect(own.some((h) => h.term === term.term && h.lexicons.includes(term.lexicon))).toBe(true);
      for (const h of own) for (const r of h.ranges) expect(r.cue >= slice.firstCue && r.cue <= slice.lastCue + 1).toBe(true);
    }
  });

  it('places single words on their original spelling (seed episode)', () => {
    const { hits } = scoreCuesWithHits(seedCues, { lexicons });
    const single = hits.filter((h) => h.ranges.length === 1 && !h.term.includes(' '));
    expect(single.length).toBeGreaterThan(20);
    for (const h of single) {
      const r = h.ranges[0]!;
      const original = seedCues[r.cue]!.text.slice(r.start, r.end).toLowerCase();
      // A `stem*` pattern (the ai-stance lexicon) counts "networks" under "network": the range covers the whole word.
      const word = original.replace(/[^a-z0-9]/g, '');
      const term = h.term.replace(/[^a-z0-9]/g, '');
      expect(word === term || word.startsWith(term), `${word} for ${h.term}`).toBe(true);
    }
  });

  it.each([
    ['a phrase across two cues', ['we should worry about existential', 'Risk from advanced systems'], 'existential risk', [[0, 'existential'], [1, 'Risk']]],
    ['an alias across two cues', ['people call it x', 'risk these days'], 'existential risk', [[0, 'x'], [1, 'risk']]],
    ['a phrase inside one cue, mixed case', ['The EXISTENTIAL Risk is real'], 'existential risk', [[0, 'EXISTENTIAL Risk']]],
    ['a word after markup and entities', ['<b>&amp; [Music] catastrophe</b> now'], 'catastrophe', [[0, 'catastrophe']]],
  ])('%s', (_name, texts, term, expected) => {
    const input = cues(...texts);
    const { hits } = scoreCuesWithHits(input, { lexicons });
    const hit = hits.find((h) => h.term === term || h.term.startsWith(term));
    expect(hit, `no hit for ${term} in ${JSON.stringify(hits.map((h) => h.term))}`).toBeDefined();
    expect(hit!.ranges.map((r) => [r.cue, input[r.cue]!.text.slice(r.start, r.end)])).toEqual(expected);
  });

  it('keeps offsets through dotted acronyms and non-ASCII text', () => {
    const input = cues('Straße — the A.I. takeover, İstanbul said: catastrophe');
    const stream = tokenizeCueIds(input, { offsets: true });
    const plain = tokenizeCueIds(input);
    expect(Array.from(stream.ids)).toEqual(Array.from(plain.ids));
    const spelled = Array.from(stream.ids, (id, i) => [stream.words.spellings[id], input[0]!.text.slice(stream.offsets!.from[i], stream.offsets!.to[i])]);
    expect(spelled).toContainEqual(['ai', 'A.I.']);
    expect(spelled).toContainEqual(['takeover', 'takeover']);
    expect(spelled).toContainEqual(['catastrophe', 'catastrophe']);
  });

  it('tracking offsets never changes the token stream (seed episode)', () => {
    const a = tokenizeCueIds(seedCues, { offsets: true });
    const b = tokenizeCueIds(seedCues);
    expect(a.length).toBe(b.length);
    expect(Array.from(a.ids, (id) => a.words.spellings[id])).toEqual(Array.from(b.ids, (id) => b.words.spellings[id]));
    expect(Array.from(a.cueOf)).toEqual(Array.from(b.cueOf));
  });
});
