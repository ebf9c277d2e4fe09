/**
 * The DESIGN §9 host attributes for a view — pure, so the contract is unit-tested without a page.
 * `null` means "remove the attribute" (e.g. data-source outside the ready state).
 */
import type { PanelView } from './panel-view';

export type HostAttributes = Record<'data-video-id' | 'data-state' | 'data-slices' | 'data-source' | 'data-cached', string | null>;

export function hostAttributes(view: PanelView): HostAttributes {
  const ready = view.state === 'ready' && view.map !== undefined;
  return {
    'data-video-id': view.videoId,
    'data-state': view.state,
    // The number of bars the arc draws: one per slice of the map.
    'data-slices': ready ? String(view.map?.slices.length ?? 0) : null,
    'data-source': ready && view.source ? view.source : null,
    'data-cached': ready ? String(view.cached === true) : null,
  };
}
