/**
 * What a YouTube tab's content script says about its video, reduced to what the popup and options page
 * show. Any failure to answer (not a watch page, script not injected, malformed answer) is "no video" —
 * never an error the user has to read. The answer is checked with the protocol's own `ui-cs:summary` answer
 * schema (one rule: the same one the transport applies), never by hand.
 */
import type { TrackRef } from '../../captions/caption-track';
import type { BandId, PerspectiveMap } from '../../scoring/perspective-map';
import type { UiDeps } from './ui-deps';
import * as v from 'valibot';
import { PROTOCOL } from '../../messaging/protocol';
import type { Diagnostics, MissingPart } from '../../youtube-page/diagnostics-schema';

export const NO_VIDEO_MESSAGE = 'Open a YouTube video to see its perspective map';

/** What the tab could not find on its page, with the diagnostics record for a bug report (checked with valibot). */
export interface PageProblems {
  missing: MissingPart[];
  diagnostics: Diagnostics | null;
}

export type TabSummary =
  | { kind: 'none' }
  | { kind: 'state'; tabId: number; videoId: string; state: string; message: string; problems?: PageProblems }
  /** `offTopic`: the page shows the off-topic state (DESIGN §9.1); the map is complete all the same. */
  | { kind: 'map'; tabId: number; videoId: string; map: PerspectiveMap; track: TrackRef | null; offTopic: boolean; problems?: PageProblems };

type SummaryAnswer = v.InferOutput<(typeof PROTOCOL)['ui-cs:summary']['answer']>;

/** The answer's `missing` + `diagnostics` (no problems when nothing is missing). */
function readProblems(answer: SummaryAnswer): { problems?: PageProblems } {
  if (!answer.missing || answer.missing.length === 0) return {};
  return { problems: { missing: [...new Set(answer.missing)], diagnostics: answer.diagnostics ?? null } };
}

const STATE_MESSAGES: Record<string, string> = {
  loading: 'Scoring this video…',
  'no-captions': 'This video has no captions to map.',
  unavailable: 'Captions exist but could not be fetched for this video.',
  error: 'Something went wrong while mapping this video. Try “Re-score this video”.',
  skipped: 'Nothing to map here yet (an ad, a Short or an embed).',
  ready: 'The map is ready.',
  'off-topic': 'This video says little about AI, so its map is not drawn.',
};

export function stateMessage(state: string): string {
  return STATE_MESSAGES[state] ?? 'The map is not ready yet.';
}

const BAND_TEXT: Record<BandId, string> = {
  'risk-forward': 'Risk-forward',
  mixed: 'Mixed',
  'opportunity-forward': 'Opportunity-forward',
};

export function bandText(band: BandId): string {
  return BAND_TEXT[band] ?? band;
}

/** "stance -23" (whole number, ASCII minus as in the panel), or null for a map without a stance. */
export function stanceText(map: PerspectiveMap): string | null {
  const stance = (map.headline as Partial<PerspectiveMap['headline']>).stance;
  if (typeof stance !== 'number' || !Number.isFinite(stance)) return null;
  const r = Math.round(stance);
  return `stance ${r === 0 ? 0 : r}`;
}

/** "Not about AI: 4.6 AI mentions per hour", or null when the map is on topic (or says nothing about it). */
export function topicText(map: PerspectiveMap): string | null {
  const topic = (map.headline as Partial<PerspectiveMap['headline']>).topic;
  if (!topic || topic.onTopic !== false || !Number.isFinite(topic.aiMentionsPerHour)) return null;
  const perHour = topic.aiMentionsPerHour < 10 ? Math.round(topic.aiMentionsPerHour * 10) / 10 : Math.round(topic.aiMentionsPerHour);
  return `Not about AI: ${perHour} AI mention${perHour === 1 ? '' : 's'} per hour`;
}


/** Turns a raw `ui-cs:summary` answer into a TabSummary; anything malformed reads as no video. */
export function toTabSummary(tabId: number, raw: unknown): TabSummary {
  const parsed = v.safeParse(PROTOCOL['ui-cs:summary'].answer, raw);
  if (!parsed.success || parsed.output.videoId === null) return { kind: 'none' };
  const answer = parsed.output;
  const videoId = answer.videoId!;
  const { state } = answer;
  if ((state === 'ready' || state === 'off-topic') && answer.map) {
    return { kind: 'map', tabId, videoId, map: answer.map, track: answer.track, offTopic: state === 'off-topic', ...readProblems(answer) };
  }
  const message = answer.message !== undefined && answer.message.trim() !== '' ? answer.message.slice(0, 300) : stateMessage(state);
  return { kind: 'state', tabId, videoId, state, message, ...readProblems(answer) };
}

async function askTab(deps: Pick<UiDeps, 'sendToTab'>, tabId: number): Promise<TabSummary> {
  try {
    return toTabSummary(tabId, await deps.sendToTab(tabId, 'ui-cs:summary', {}));
  } catch {
    return { kind: 'none' };
  }
}

/** The popup's view: the active tab of the current window. */
export async function activeTabSummary(deps: Pick<UiDeps, 'sendToTab' | 'getActiveTabId'>): Promise<TabSummary> {
  const tabId = await deps.getActiveTabId().catch(() => null);
  return tabId === null ? { kind: 'none' } : askTab(deps, tabId);
}

/**
 * The options page's view: it is itself the active tab, so it asks the open YouTube tabs, most recently
 * used first, and takes the first one with a map (else the first that answered at all).
 */
export async function latestMapSummary(deps: Pick<UiDeps, 'sendToTab' | 'getYouTubeTabIds'>): Promise<TabSummary> {
  const tabIds = await deps.getYouTubeTabIds().catch(() => [] as number[]);
  let fallback: TabSummary = { kind: 'none' };
  for (const tabId of tabIds) {
    const summary = await askTab(deps, tabId);
    if (summary.kind === 'map') return summary;
    if (fallback.kind === 'none') fallback = summary;
  }
  return fallback;
}
