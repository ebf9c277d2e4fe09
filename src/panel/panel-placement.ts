/**
 * Where the panel host goes on the watch page (DESIGN §9), by priority, first *shown* place wins
 * (src/youtube-page/attach-points.ts): inside `#below`, before the title block (`ytd-watch-metadata`, else
 * `#below`'s first child); then the top of `#secondary`; then, as a last resort, right after the player's slot
 * (`#player`) in its column — below the video, never over it. Never inside the hover preview.
 * And the "one host per page" rule: any other `#perspective-map` (a previous session's, or one left by an
 * extension reload whose content script is gone) is removed before ours goes in.
 */
import { firstVisible, isShown, surveyCandidates, type CandidateFinding, type Visibility } from '../youtube-page/attach-points';
import { youtubeSelectors, type PageSelector } from '../youtube-page/youtube-selectors';

export const HOST_ID = 'perspective-map';
export const HOST_TAG = 'perspective-map';

export type PlacementName = 'below' | 'secondary' | 'last-resort';

export interface Placement {
  /** Insert before `before` inside `parent` (null = append at the end). */
  parent: Element;
  before: Element | null;
  where: PlacementName;
}

const place = youtubeSelectors.panelPlace;
/** The watch page's own element first (other layouts, e.g. ytd-watch-grid, may hold the same ids). */
const scoped = (selector: PageSelector): PageSelector => ({ ...selector, css: `${place.watchPage.css} ${selector.css}, ${selector.css}` });
/** The candidates in priority order (each a container we insert into). */
export const PANEL_PLACE_CANDIDATES = [
  { name: 'below', selector: scoped(place.below) },
  { name: 'secondary', selector: scoped(place.secondary) },
  { name: 'last-resort', selector: scoped(place.playerSlot) },
] as const;

export function findPlacement(doc: Document, visible: Visibility = isShown): Placement | null {
  const choice = firstVisible(doc, PANEL_PLACE_CANDIDATES, placeVisible(visible));
  if (!choice) return null;
  const el = choice.element;
  switch (choice.name) {
    case 'below': {
      const title = el.querySelector(place.title.css);
      if (title?.parentElement) return { parent: title.parentElement, before: title, where: 'below' };
      return { parent: el, before: el.firstElementChild, where: 'below' };
    }
    case 'secondary':
      return { parent: el, before: el.firstElementChild, where: 'secondary' };
    case 'last-resort':
      return { parent: el.parentElement!, before: el.nextElementSibling, where: 'last-resort' };
  }
}

/** A container must be shown; for the last resort, what counts is the player slot's column (the slot itself may be emptied). */
const placeVisible =
  (visible: Visibility): Visibility =>
  (el) =>
    el.matches(place.playerSlot.css) ? el.parentElement !== null && visible(el.parentElement) : visible(el);

/** What each place looks like now (names and findings only, for the diagnostics). */
export function surveyPlacements(doc: Document, visible: Visibility = isShown): { name: PlacementName; finding: CandidateFinding }[] {
  return surveyCandidates(doc, PANEL_PLACE_CANDIDATES, placeVisible(visible));
}

/** Removes every panel host on the page except `keep`. */
export function removeStaleHosts(doc: Document, keep?: Element): number {
  let removed = 0;
  for (const el of doc.querySelectorAll(`#${HOST_ID}, ${HOST_TAG}`)) {
    if (el === keep) continue;
    el.remove();
    removed++;
  }
  return removed;
}

/** Puts `host` at the placement (a no-op when it is already there), removing any other host first. */
export function placeHost(host: Element, placement: Placement): void {
  removeStaleHosts(host.ownerDocument, host);
  const { parent, before } = placement;
  if (host.parentElement === parent && (before === host || host.nextElementSibling === before)) return;
  parent.insertBefore(host, before === host ? host.nextElementSibling : before);
}
