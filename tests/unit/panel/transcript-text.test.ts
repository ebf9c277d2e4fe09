import { describe, expect, it } from 'vitest';
import { blockAt, cueAt, estimateLayout, visibleBlocks, withMeasured } from '../../../src/panel/transcript-layout';
import { cutText, findInCues, foldQuery, foldText } from '../../../src/panel/transcript-text';

describe('find in transcript (case and diacritics ignored, ranges in the original text)', () => {
  it.each([
    ['Café', 'cafe'],
    ['ZÜRICH', 'zurich'],
    ['naïve Ångström', 'naive angstrom'],
    ['İstanbul', 'istanbul'],
    ['plain ASCII', 'plain ascii'],
  ])('folds %s → %s', (text, folded) => {
    expect(foldText(text).folded).toBe(folded);
  });

  it.each([
    ['a CAFÉ in Zürich', 'cafe', ['CAFÉ']],
    ['a CAFÉ in Zürich', 'zürich', ['Zürich']],
    ['Cafe\u0301 decomposed', 'cafe', ['Cafe\u0301']],
    ['İstanbul, istanbul', 'ISTANBUL', ['İstanbul', 'istanbul']],
    ['risk risk', 'risk', ['risk', 'risk']],
    ['emoji 😀 then risk', 'risk', ['risk']],
  ])('in %s, %s finds %j', (text, query, expected) => {
    const found = findInCues(1, () => foldText(text), foldQuery(query));
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(expected);
  });

  it('skips cues not loaded yet and stops at the limit', () => {
    const texts = ['a b', undefined, 'b b b'];
    const found = findInCues(3, (i) => (texts[i] === undefined ? undefined : foldText(texts[i]!)), 'b', 3);
    expect(found.map((f) => [f.cue, f.start])).toEqual([[0, 2], [2, 0], [2, 2]]);
    expect(findInCues(3, () => foldText('x'), '')).toEqual([]);
  });

  it('cuts a cue at marks and matches, overlapping allowed, text kept whole', () => {
    const text = 'we fear existential risk now';
    const mark = { start: 8, end: 24, term: 'existential risk', contribution: -2 };
    const pieces = cutText(text, [mark], [[20, 28, 0]]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.map((p) => [p.text, !!p.mark, p.found ?? null])).toEqual([
      ['we fear ', false, null],
      ['existential ', true, null],
      ['risk', true, 0],
      [' now', false, 0],
    ]);
  });
});

describe('virtual list layout (one block per slice)', () => {
  const layout = estimateLayout([30, 30, 30, 30]);

  it('finds blocks by offset and the blocks meeting a view', () => {
    const h = layout.heights[0]!;
    expect(blockAt(layout, 0)).toBe(0);
    expect(blockAt(layout, h - 1)).toBe(0);
    expect(blockAt(layout, h)).toBe(1);
    expect(blockAt(layout, 1e9)).toBe(3);
    expect(visibleBlocks(layout, h * 1.5, 100, 0)).toEqual([1, 1]);
    expect(visibleBlocks(layout, h * 1.5, h, 0)).toEqual([1, 2]);
  });

  it('takes measurements (ignoring 0 = not laid out) and moves later blocks', () => {
    expect(withMeasured(layout, new Map([[1, 0]]))).toBeNull();
    const next = withMeasured(layout, new Map([[1, 100]]))!;
    expect(next.heights[1]).toBe(100);
    expect(next.tops[2]).toBe(layout.heights[0]! + 100);
    expect(withMeasured(next, new Map([[1, 100]]))).toBeNull();
  });

  it('finds the cue under the playhead', () => {
    const starts = [1000, 2000, 3000];
    expect(cueAt(starts, 3, 500)).toBe(-1);
    expect(cueAt(starts, 3, 1000)).toBe(0);
    expect(cueAt(starts, 3, 2999)).toBe(1);
    expect(cueAt(starts, 3, 99_999)).toBe(2);
    expect(cueAt(starts, 2, 99_999)).toBe(1);
  });
});
