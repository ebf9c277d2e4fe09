import * as v from 'valibot';

/**
 * Which colour table the map is drawn with (the tables themselves — `Palette` — are in src/panel/colour-scale.ts):
 * the default diverging scale, or one safe for colour blindness.
 */
export const PaletteIdSchema = v.picklist(['default', 'colorblind']);
export type PaletteId = v.InferOutput<typeof PaletteIdSchema>;
