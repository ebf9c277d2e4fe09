// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { findPlacement, placeHost, removeStaleHosts } from '../../../src/panel/panel-placement';

/** Builds the watch-page skeleton around the panel: ytd-watch-flexy › #columns › #primary › #below / #secondary. */
function page(parts: { below?: 'metadata' | 'children' | 'empty'; secondary?: boolean }): void {
  const flexy = document.createElement('ytd-watch-flexy');
  if (parts.below) {
    const below = document.createElement('div');
    below.id = 'below';
    if (parts.below === 'metadata') {
      const meta = document.createElement('ytd-watch-metadata');
      const comments = document.createElement('ytd-comments');
      below.append(meta, comments);
    } else if (parts.below === 'children') {
      below.append(document.createElement('ytd-merch-shelf-renderer'), document.createElement('ytd-comments'));
    }
    flexy.append(below);
  }
  if (parts.secondary) {
    const secondary = document.createElement('div');
    secondary.id = 'secondary';
    secondary.append(document.createElement('ytd-watch-next-secondary-results-renderer'));
    flexy.append(secondary);
  }
  document.body.append(flexy);
}

function host(): HTMLElement {
  const el = document.createElement('perspective-map');
  el.id = 'perspective-map';
  return el;
}

afterEach(() => document.body.replaceChildren());

describe('panel placement', () => {
  it.each([
    [{ below: 'metadata', secondary: true }, 'below', 'YTD-WATCH-METADATA'],
    [{ below: 'children', secondary: true }, 'below', 'YTD-MERCH-SHELF-RENDERER'],
    [{ below: 'empty' }, 'below', null],
    [{ secondary: true }, 'secondary', 'YTD-WATCH-NEXT-SECONDARY-RESULTS-RENDERER'],
  ] as const)('%o → %s, before %s', (parts, where, nextTag) => {
    page(parts);
    const placement = findPlacement(document)!;
    expect(placement.where).toBe(where);
    const h = host();
    placeHost(h, placement);
    expect(h.closest(`#${where}`)).toBe(document.getElementById(where));
    expect(h.nextElementSibling?.tagName ?? null).toBe(nextTag);
  });

  it('finds nothing on a page without #below, #secondary or a player slot', () => {
    expect(findPlacement(document)).toBeNull();
  });

  it('first shown place wins: a hidden #below is passed over for #secondary', () => {
    page({ below: 'metadata', secondary: true });
    document.getElementById('below')!.style.display = 'none';
    expect(findPlacement(document)?.where).toBe('secondary');
  });

  it('last resort: right after the player slot in its column, never before the video', () => {
    const flexy = document.createElement('ytd-watch-flexy');
    const column = document.createElement('div');
    column.id = 'primary-inner';
    const slot = document.createElement('div');
    slot.id = 'player';
    const after = document.createElement('ytd-comments');
    column.append(slot, after);
    flexy.append(column);
    document.body.append(flexy);
    const placement = findPlacement(document)!;
    expect(placement.where).toBe('last-resort');
    const h = host();
    placeHost(h, placement);
    expect(h.previousElementSibling).toBe(slot);
    expect(h.nextElementSibling).toBe(after);
  });

  it('never places into the hover preview', () => {
    const preview = document.createElement('ytd-video-preview');
    preview.id = 'video-preview';
    const below = document.createElement('div');
    below.id = 'below';
    preview.append(below);
    document.body.append(preview);
    expect(findPlacement(document)).toBeNull();
  });

  it('keeps one host per page: a stale host is removed when ours is placed', () => {
    page({ below: 'metadata' });
    const stale = host();
    document.getElementById('secondary')?.append(stale);
    document.body.append(stale);
    const ours = host();
    placeHost(ours, findPlacement(document)!);
    expect(document.querySelectorAll('#perspective-map')).toHaveLength(1);
    expect(document.getElementById('perspective-map')).toBe(ours);
    placeHost(ours, findPlacement(document)!); // idempotent
    expect(document.querySelectorAll('#perspective-map')).toHaveLength(1);
    expect(ours.nextElementSibling?.tagName).toBe('YTD-WATCH-METADATA');
  });

  it('removeStaleHosts removes every host but the one kept', () => {
    document.body.append(host(), host(), document.createElement('perspective-map'));
    const keep = document.body.firstElementChild!;
    expect(removeStaleHosts(document, keep)).toBe(2);
    expect(removeStaleHosts(document)).toBe(1);
  });
});
