/**
 * Where our two things go on YouTube's page, chosen the way SponsorBlock chooses (FACTS §7): a priority list of
 * candidates, and the first one that is *visible* wins. YouTube ships several layouts at once, and a selector
 * that matches a hidden element (a layout under test, the classic bar kept in the DOM behind a newer one) is
 * as useless as one that matches nothing. Never anything inside the hover preview (its own player and bar).
 */
import { youtubeSelectors, type PageSelector } from './youtube-selectors';

/** Whether an element is shown (not `display:none`, not `visibility:hidden`, nor inside either). */
export type Visibility = (el: Element) => boolean;

export const isShown: Visibility = (el) =>
  typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : el.getClientRects().length > 0;

/** One candidate of a priority list: a name for reports, and how to find it. */
export interface Candidate<Name extends string> {
  name: Name;
  selector: PageSelector;
}

export type CandidateFinding = 'visible' | 'hidden' | 'absent' | 'preview-only';

export interface Choice<Name extends string> {
  name: Name;
  element: HTMLElement;
}

const insidePreview = (el: Element) => el.closest(youtubeSelectors.hoverPreview.css) !== null;

/**
 * The first candidate (in priority order) with a visible element outside the hover preview. Within one
 * candidate, an element inside the player root (`#movie_player`) is preferred to one elsewhere.
 */
export function firstVisible<Name extends string>(doc: Document, candidates: readonly Candidate<Name>[], visible: Visibility = isShown): Choice<Name> | null {
  for (const candidate of candidates) {
    const found = rankedMatches(doc, candidate.selector).find((el) => visible(el));
    if (found) return { name: candidate.name, element: found };
  }
  return null;
}

/** What each candidate looks like on the page now (for the diagnostics: names and findings only). */
export function surveyCandidates<Name extends string>(doc: Document, candidates: readonly Candidate<Name>[], visible: Visibility = isShown): { name: Name; finding: CandidateFinding }[] {
  return candidates.map(({ name, selector }) => {
    const all = [...doc.querySelectorAll<HTMLElement>(selector.css)];
    const ours = all.filter((el) => !insidePreview(el));
    const finding: CandidateFinding = ours.some((el) => visible(el)) ? 'visible' : ours.length > 0 ? 'hidden' : all.length > 0 ? 'preview-only' : 'absent';
    return { name, finding };
  });
}

function rankedMatches(doc: Document, selector: PageSelector): HTMLElement[] {
  const matches = [...doc.querySelectorAll<HTMLElement>(selector.css)].filter((el) => !insidePreview(el));
  const inPlayer = (el: Element) => el.closest(youtubeSelectors.player.root.css) !== null;
  return [...matches.filter(inPlayer), ...matches.filter((el) => !inPlayer(el))];
}

const bar = youtubeSelectors.progressBar;

/** The progress-bar strip's attach points, FACTS §7 order: the newer hosts, then the classic bar. */
export const PROGRESS_BAR_CANDIDATES = [
  { name: 'chaptered-host', selector: bar.chapteredHost },
  { name: 'line-host', selector: bar.lineHost },
  { name: 'classic-bar', selector: bar.classic },
] as const satisfies readonly Candidate<string>[];

export type ProgressBarName = (typeof PROGRESS_BAR_CANDIDATES)[number]['name'];

export function findProgressBar(doc: Document, visible: Visibility = isShown): Choice<ProgressBarName> | null {
  return firstVisible(doc, PROGRESS_BAR_CANDIDATES, visible);
}
