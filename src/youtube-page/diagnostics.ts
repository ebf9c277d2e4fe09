/**
 * Diagnostics for bug reports: when no attach point or no caption strategy works, what the user can paste into an
 * issue — the extension's version, the browser, which layout flags the page shows, which candidates were found
 * (visible / hidden / absent), and the strategies tried and how each failed, by client name. The record's schema
 * (diagnostics-schema.ts) has no field a URL, a title, a token or any page text could travel in; this file formats
 * it and holds the sentences. No valibot here: the content script imports this file.
 */
import type { Diagnostics, MissingPart } from './diagnostics-schema';

export type { Diagnostics, LayoutFlags, MissingPart } from './diagnostics-schema';

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

/**
 * The text copied for a bug report. Takes the typed record as built by collect-diagnostics.ts (enumerations only);
 * a record from elsewhere goes through `diagnosticsText` (diagnostics-schema.ts), which parses it first.
 */
export function formatDiagnostics(d: Diagnostics): string {
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
