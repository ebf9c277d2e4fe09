/**
 * Follows the player's ad flag without polling (issue 9): YouTube marks the player root with `ad-showing` /
 * `ad-interrupting` while an ad plays (YOUTUBE-FACTS §6), so a MutationObserver on that one element's `class`
 * attribute — no subtree, no other attribute — hears every change. An ad is a new source in the same <video>,
 * and a rebuilt player sends the events below: on each, the root is looked up again and re-observed if it is
 * another element. Nothing runs while nothing changes (a paused video, a background tab).
 */
import { youtubeSelectors } from '../youtube-page/youtube-selectors';

export interface AdWatchDeps {
  doc: Pick<Document, 'querySelector' | 'addEventListener'>;
  MutationObserver: typeof MutationObserver;
}

/** Events after which the player root may be another element: a new media source, a rebuilt player, a navigation. */
const REBIND_EVENTS = ['loadstart', 'yt-player-updated', 'yt-navigate-finish'];

/** True while the player root carries an ad class. */
export function isAdShowing(doc: Pick<Document, 'querySelector'>): boolean {
  const { root, adShowing, adInterrupting } = youtubeSelectors.player;
  const player = doc.querySelector(root.css);
  return !!player && [adShowing, adInterrupting].some((c) => player.classList.contains(c.css));
}

/** Calls `onChange` whenever the ad flag may have changed, until `signal` aborts. */
export function watchAdFlag(deps: AdWatchDeps, onChange: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  let observed: Element | null = null;
  const observer = new deps.MutationObserver(() => onChange());
  const bind = () => {
    const player = deps.doc.querySelector(youtubeSelectors.player.root.css);
    if (player === observed) return;
    observer.disconnect();
    observed = player;
    if (player) observer.observe(player, { attributes: true, attributeFilter: ['class'] });
  };
  const rebind = () => {
    bind();
    onChange();
  };
  for (const type of REBIND_EVENTS) deps.doc.addEventListener(type, rebind, { capture: true, signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  bind();
}
