/**
 * The diagnostics record's schema (valibot), and `diagnosticsText` — parse, then format — for records that crossed a
 * boundary (the popup gets one from the tab). The content script builds its record from enumerations itself
 * (src/content/collect-diagnostics.ts) and formats it with `formatDiagnostics`, so valibot stays out of its bundle.
 *
 * Diagnostics for bug reports: when no attach point or no caption strategy works, what the user can paste into an
 * issue — the extension's version, the browser, which layout flags the page shows, which candidates were found
 * (visible / hidden / absent), and the strategies tried and how each failed, by client name.
 *
 * Privacy by construction: the record is a valibot schema of enumerations, booleans and two tightly patterned
 * strings (a version number, a browser name and major version). It has no field a URL, a title, a token or any
 * page text could travel in — `detail` strings of attempts (which may quote YouTube's messages or URLs) are never
 * part of it. Whatever is handed to `diagnosticsText` is parsed with the schema first, so a stray field is dropped
 * and a malformed value is refused.
 */
import * as v from 'valibot';
import { formatDiagnostics } from './diagnostics';

const finding = v.picklist(['visible', 'hidden', 'absent', 'preview-only']);
const outcome = v.picklist(['ok', 'not-needed', 'empty', 'html', 'bot-check', 'timeout', 'http-error', 'unavailable', 'refused', 'error']);

export const MISSING_PARTS = ['panel-place', 'progress-bar', 'captions'] as const;
export type MissingPart = (typeof MISSING_PARTS)[number];

export const LayoutFlagsSchema = v.strictObject({
  watchPage: v.boolean(),
  playerRoot: v.boolean(),
  video: v.boolean(),
  theater: v.boolean(),
  fullscreen: v.boolean(),
  twoColumns: v.boolean(),
  delhiModern: v.boolean(),
  chapters: v.boolean(),
  miniplayer: v.boolean(),
  hoverPreview: v.boolean(),
  adShowing: v.boolean(),
});
export type LayoutFlags = v.InferOutput<typeof LayoutFlagsSchema>;

export const DiagnosticsSchema = v.object({
  extensionVersion: v.pipe(v.string(), v.regex(/^\d{1,5}(\.\d{1,5}){0,3}$/)),
  browser: v.pipe(v.string(), v.regex(/^(Chrome|Chromium|Edge|Opera|Firefox|unknown)( \d{1,4})?$/)),
  page: v.picklist(['watch', 'shorts', 'embed', 'other']),
  state: v.picklist(['none', 'loading', 'ready', 'no-captions', 'unavailable', 'error', 'skipped', 'off-topic']),
  missing: v.array(v.picklist(MISSING_PARTS)),
  layout: LayoutFlagsSchema,
  placed: v.object({
    panel: v.nullable(v.picklist(['below', 'secondary', 'last-resort'])),
    progressBar: v.nullable(v.picklist(['chaptered-host', 'line-host', 'classic-bar', 'off'])),
  }),
  panelPlaces: v.array(v.object({ name: v.picklist(['below', 'secondary', 'last-resort']), finding })),
  progressBars: v.array(v.object({ name: v.picklist(['chaptered-host', 'line-host', 'classic-bar']), finding })),
  attempts: v.array(
    v.object({
      strategy: v.picklist(['player', 'direct', 'panel']),
      outcome,
      clients: v.optional(v.array(v.object({ client: v.picklist(['ANDROID', 'ANDROID_VR']), outcome }))),
    }),
  ),
});
export type Diagnostics = v.InferOutput<typeof DiagnosticsSchema>;

/** The text copied for a bug report, from a record of unknown origin. Throws if it does not satisfy the schema. */
export function diagnosticsText(input: unknown): string {
  return formatDiagnostics(v.parse(DiagnosticsSchema, input));
}
