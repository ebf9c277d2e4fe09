/**
 * The layout flags the page shows right now, as booleans (presence of an element, a class or an attribute from the
 * selectors table) — for the diagnostics. Reads no text, no URL, no attribute value.
 */
import { youtubeSelectors as s } from './youtube-selectors';
import type { LayoutFlags } from './diagnostics';

export function readLayoutFlags(doc: Document): LayoutFlags {
  const flexy = doc.querySelector(s.panelPlace.watchPage.css);
  const player = doc.querySelector(s.player.root.css);
  const has = (css: string) => doc.querySelector(css) !== null;
  return {
    watchPage: flexy !== null,
    playerRoot: player !== null,
    video: has(s.player.video.css),
    theater: flexy?.hasAttribute(s.layout.theater.css) ?? false,
    fullscreen: (flexy?.hasAttribute(s.layout.fullscreen.css) ?? false) || (player?.classList.contains(s.layout.fullscreenPlayer.css) ?? false) || doc.fullscreenElement != null,
    twoColumns: flexy?.hasAttribute(s.layout.twoColumns.css) ?? false,
    delhiModern: player?.classList.contains(s.layout.delhiModern.css) ?? false,
    chapters: player?.querySelector(s.progressBar.chapters.css) != null,
    miniplayer: has(s.layout.miniplayer.css),
    hoverPreview: has(s.hoverPreview.css),
    adShowing: [s.player.adShowing, s.player.adInterrupting].some((c) => player?.classList.contains(c.css) ?? false),
  };
}
