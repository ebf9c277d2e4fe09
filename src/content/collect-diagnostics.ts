/**
 * Gathers the diagnostics record (src/youtube-page/diagnostics.ts) for the page as it is now: layout flags, what
 * each attach-point candidate looks like, where the panel and the strip are, and the session's attempts reduced to
 * strategy, outcome and client names. Nothing here copies a string from the page, a URL or an attempt's detail.
 */
import type { Attempt } from '../acquisition/acquisition-strategy';
import { surveyPlacements } from '../panel/panel-placement';
import type { PanelAttachment } from '../panel/panel-view';
import { PROGRESS_BAR_CANDIDATES, surveyCandidates } from '../youtube-page/attach-points';
import { browserLabel, versionLabel, type Diagnostics, type MissingPart } from '../youtube-page/diagnostics';
import { readLayoutFlags } from '../youtube-page/read-layout';
import { classifyPage } from './page-kind';

export interface DiagnosticsContext {
  doc: Document;
  href: string;
  userAgent: string;
  extensionVersion: string;
}

export interface DiagnosticsInput {
  state: Diagnostics['state'];
  attempts: readonly Attempt[];
  attachment: PanelAttachment | null;
  missing: readonly MissingPart[];
}

export function collectDiagnostics(ctx: DiagnosticsContext, input: DiagnosticsInput): Diagnostics {
  const strip = input.attachment?.progressBarStatus;
  return {
    extensionVersion: versionLabel(ctx.extensionVersion),
    browser: browserLabel(ctx.userAgent),
    page: classifyPage(ctx.href).kind,
    state: input.state,
    missing: [...input.missing],
    layout: readLayoutFlags(ctx.doc),
    placed: {
      panel: input.attachment?.place ?? null,
      progressBar: strip === 'off' ? 'off' : (input.attachment?.progressBar ?? null),
    },
    panelPlaces: surveyPlacements(ctx.doc),
    progressBars: surveyCandidates(ctx.doc, PROGRESS_BAR_CANDIDATES),
    attempts: input.attempts.map((a) => ({
      strategy: a.strategy,
      outcome: a.outcome,
      ...(a.clients?.length ? { clients: a.clients.map((c) => ({ client: c.client, outcome: c.outcome })) } : {}),
    })),
  };
}
