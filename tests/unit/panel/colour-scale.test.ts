import { describe, expect, it } from 'vitest';
import { PALETTES, paletteFor, scoreColour, stripGradient } from '../../../src/panel/colour-scale';

describe('scoreColour', () => {
  it.each([
    ['default', -100, '#ffb000'],
    ['default', 0, '#22c7e0'],
    ['default', 100, '#ffffff'],
    ['default', -50, '#91bc70'], // halfway amber → cyan in sRGB
    ['default', 50, '#91e3f0'], // halfway cyan → white
    ['default', -500, '#ffb000'], // clamped
    ['colorblind', -100, '#e69f00'],
    ['colorblind', 0, '#bbbbbb'],
    ['colorblind', 100, '#0072b2'],
  ] as const)('%s palette: score %s → %s', (palette, score, colour) => {
    expect(scoreColour(score, PALETTES[palette])).toBe(colour);
  });

  it('the two palettes colour the same score differently', () => {
    for (const s of [-100, -40, 40, 100]) {
      expect(scoreColour(s, PALETTES.default)).not.toBe(scoreColour(s, PALETTES.colorblind));
    }
  });

  it('every colour is a #rrggbb string across the whole range', () => {
    for (let s = -100; s <= 100; s++) {
      expect(scoreColour(s, PALETTES.default)).toMatch(/^#[0-9a-f]{6}$/);
      expect(scoreColour(s, PALETTES.colorblind)).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it.each([
    ['colorblind', 'colorblind'],
    ['default', 'default'],
    [undefined, 'default'],
    ['rainbow', 'default'],
  ])('paletteFor(%s) = %s', (id, expected) => {
    expect(paletteFor(id).id).toBe(expected);
  });

  it('the strip gradient uses the palette stops, so bars and strip agree', () => {
    expect(stripGradient(PALETTES.default)).toBe('linear-gradient(to right, #ffb000 0%, #22c7e0 50%, #ffffff 100%)');
    expect(stripGradient(PALETTES.colorblind)).toContain('#0072b2 100%');
  });
});
