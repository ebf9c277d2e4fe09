/**
 * The colour scale shared by the strip, the arc bars, the markers and the progress-bar strip:
 * risk (−100) → midpoint (0) → opportunity (+100), interpolated in sRGB so a bar's colour is exactly the
 * colour of the strip's gradient at that score (CSS gradients interpolate in sRGB too).
 * Pure: no DOM, no Preact. Palettes are a table, not code paths.
 */
import type { PaletteId } from '../settings/settings-schema';
import { scoreToFraction } from './geometry';

export type { PaletteId };

export interface Palette {
  id: PaletteId;
  label: string;
  /** Colours at −100, 0 and +100. */
  risk: string;
  mid: string;
  opportunity: string;
  /** The median marker (the seed's black). */
  median: string;
}

export const PALETTES: Readonly<Record<PaletteId, Palette>> = {
  // The seed's scale: amber → cyan midpoint → white.
  default: { id: 'default', label: 'Amber → cyan → white', risk: '#ffb000', mid: '#22c7e0', opportunity: '#ffffff', median: '#000000' },
  // Okabe–Ito orange → neutral grey → blue: distinguishable with protanopia, deuteranopia and tritanopia,
  // and ordered in lightness so it also survives greyscale.
  colorblind: { id: 'colorblind', label: 'Orange → grey → blue (colour-blind safe)', risk: '#e69f00', mid: '#bbbbbb', opportunity: '#0072b2', median: '#000000' },
};

export function paletteFor(id: string | undefined): Palette {
  return id === 'colorblind' ? PALETTES.colorblind : PALETTES.default;
}

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** The colour of `score` on `palette`, as #rrggbb. */
export function scoreColour(score: number, palette: Palette = PALETTES.default): string {
  const f = scoreToFraction(score);
  return f <= 0.5
    ? toHex(mix(parseHex(palette.risk), parseHex(palette.mid), f / 0.5))
    : toHex(mix(parseHex(palette.mid), parseHex(palette.opportunity), (f - 0.5) / 0.5));
}

/** The strip's CSS background: the same three stops the bars are coloured from. */
export function stripGradient(palette: Palette = PALETTES.default): string {
  return `linear-gradient(to right, ${palette.risk} 0%, ${palette.mid} 50%, ${palette.opportunity} 100%)`;
}
