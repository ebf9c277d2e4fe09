/**
 * Where the panel host goes on the watch page (DESIGN §9): inside `#below`, before the title block
 * (`ytd-watch-metadata`, else `#below`'s first child); fallback the top of `#secondary`.
 * And the "one host per page" rule: any other `#perspective-map` (a previous session's, or one left by an
 * extension reload whose content script is gone) is removed before ours goes in.
 */

export const HOST_ID = 'perspective-map';
export const HOST_TAG = 'perspective-map';

export interface Placement {
  /** Insert before `before` inside `parent` (null = append at the end). */
  parent: Element;
  before: Element | null;
  where: 'below' | 'secondary';
}

export function findPlacement(doc: Document): Placement | null {
  // ytd-watch-flexy is the watch page; other layouts (ytd-watch-grid) also have a #below.
  const below = doc.querySelector('ytd-watch-flexy #below') ?? doc.querySelector('#below');
  if (below) {
    const title = below.querySelector('ytd-watch-metadata');
    if (title?.parentElement) return { parent: title.parentElement, before: title, where: 'below' };
    return { parent: below, before: below.firstElementChild, where: 'below' };
  }
  const secondary = doc.querySelector('ytd-watch-flexy #secondary') ?? doc.querySelector('#secondary');
  if (secondary) return { parent: secondary, before: secondary.firstElementChild, where: 'secondary' };
  return null;
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
