/**
 * A perspective map as downloadable files: JSON is the map as is (the DESIGN §9 CLI shape); CSV comes from
 * src/scoring/map-csv.ts, the same writer the CLI uses.
 */
import type { PerspectiveMap } from '../../scoring/perspective-map';

export function mapToJson(map: PerspectiveMap): string {
  return JSON.stringify(map, null, 2) + '\n';
}

/** `perspective-map-<videoId>.<ext>`, with anything unsafe for a file name replaced. */
export function exportFileName(map: PerspectiveMap, ext: 'json' | 'csv'): string {
  const id = (map.videoId ?? 'video').replace(/[^A-Za-z0-9_-]/g, '_');
  return `perspective-map-${id}.${ext}`;
}
