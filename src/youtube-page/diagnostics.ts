/**
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

/** The browser's name and major version from a user-agent string — nothing else of it. */
export function browserLabel(userAgent: string): string {
  const rules: [RegExp, string][] = [
    [/\bEdg\/(\d+)/, 'Edge'],
    [/\bOPR\/(\d+)/, 'Opera'],
    [/\bFirefox\/(\d+)/, 'Firefox'],
    [/\bChromium\/(\d+)/, 'Chromium'],
    [/\bChrome\/(\d+)/, 'Chrome'],
  ];
  for (const [pattern, name] of rules) {
    const major = pattern.exec(userAgent)?.[1];
    if (major) return `${name} ${major.slice(0, 4)}`;
  }
  return 'unknown';
}

/** A version string as the schema allows it, else "0" (never free text). */
export function versionLabel(version: string): string {
  return /^\d{1,5}(\.\d{1,5}){0,3}$/.test(version) ? version : '0';
}

const MISSING_TEXT: Record<MissingPart, string> = {
  'panel-place': 'The place for the panel was not found on this page (none of: under the player before the title, the sidebar, after the player).',
  'progress-bar': 'The player’s progress bar was not found on this page, so the strip in it is not drawn.',
  captions: 'Every way of reading the captions failed.',
};

/** One sentence per part that was not found (what the panel or the popup says above "Copy diagnostics"). */
export function missingSentence(part: MissingPart): string {
  return MISSING_TEXT[part];
}

/** The text copied for a bug report. Throws if the record does not satisfy the schema. */
export function diagnosticsText(input: unknown): string {
  const d = v.parse(DiagnosticsSchema, input);
  const yesNo = (flags: Record<string, boolean>) =>
    Object.entries(flags)
      .map(([k, on]) => `${k}=${on ? 'yes' : 'no'}`)
      .join(' ');
  const findings = (list: { name: string; finding: string }[]) => (list.length ? list.map((c) => `${c.name}:${c.finding}`).join(' ') : 'not looked at');
  const attempts = d.attempts.length
    ? d.attempts.map((a) => `${a.strategy}=${a.outcome}${a.clients?.length ? ` [${a.clients.map((c) => `${c.client}=${c.outcome}`).join(', ')}]` : ''}`).join('; ')
    : 'none recorded';
  return [
    'Perspective Map for YouTube — diagnostics',
    `extension: ${d.extensionVersion}`,
    `browser: ${d.browser}`,
    `page: ${d.page}, panel state: ${d.state}`,
    `not found: ${d.missing.length ? d.missing.join(', ') : 'nothing'}`,
    `layout flags: ${yesNo(d.layout)}`,
    `panel placed: ${d.placed.panel ?? 'nowhere'}; places: ${findings(d.panelPlaces)}`,
    `strip placed: ${d.placed.progressBar ?? 'nowhere'}; progress bars: ${findings(d.progressBars)}`,
    `strategies: ${attempts}`,
  ].join('\n');
}
