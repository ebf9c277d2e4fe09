// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stayAttached } from '../../../src/panel/stay-attached';

/** page › player (busy subtree) + below › holder › node */
function page() {
  const player = document.createElement('div');
  const progress = document.createElement('div');
  player.append(progress);
  const below = document.createElement('div');
  const holder = document.createElement('div');
  const node = document.createElement('span');
  holder.append(node);
  below.append(holder);
  document.body.append(player, below);
  return { player, progress, below, holder, node };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('stayAttached', () => {
  it('observes only the ancestor chain, childList only, never a subtree', () => {
    const { node } = page();
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const watch = stayAttached(node, () => {}, { MutationObserver });
    const targets = observe.mock.calls.map(([target]) => target);
    expect(targets).toEqual([node.parentNode, node.parentNode!.parentNode, document.body, document.documentElement, document]);
    for (const [, options] of observe.mock.calls) expect(options).toEqual({ childList: true });
    watch.stop();
  });

  it('does nothing for mutations elsewhere (the player’s subtree), puts the node back when its part is rebuilt', async () => {
    const { player, progress, below, holder, node } = page();
    const place = vi.fn(() => {
      const fresh = below.querySelector('div');
      fresh?.append(node);
    });
    const watch = stayAttached(node, place, { MutationObserver });
    for (let i = 0; i < 20; i++) progress.append(document.createElement('i'));
    player.setAttribute('class', 'playing-mode');
    await flush();
    expect(place).not.toHaveBeenCalled();

    holder.remove(); // YouTube rebuilds #below's content…
    await flush();
    expect(place).toHaveBeenCalledTimes(1); // …nothing to put it in yet
    expect(node.isConnected).toBe(false);
    below.append(document.createElement('div')); // …the rebuilt part arrives under the ancestor still in the page
    await flush();
    expect(node.isConnected).toBe(true);
    expect(node.parentElement?.parentElement).toBe(below);
    watch.stop();
  });

  it('stop() ends the watch', async () => {
    const { holder, node } = page();
    const place = vi.fn();
    stayAttached(node, place, { MutationObserver }).stop();
    holder.remove();
    await flush();
    expect(place).not.toHaveBeenCalled();
  });

  it('stands down when something keeps taking the node away (another extension): no endless remove/re-add loop', async () => {
    const { holder, node } = page();
    const place = vi.fn(() => holder.append(node));
    const standDown = vi.fn();
    // Another script that removes the node whenever it appears, at mutation speed (a rival strip, a "cleaner").
    const rival = new MutationObserver(() => {
      if (node.isConnected) node.remove();
    });
    rival.observe(holder, { childList: true });
    const watch = stayAttached(node, place, { MutationObserver, onStandDown: standDown });
    node.remove();
    for (let i = 0; i < 50; i++) await flush();
    rival.disconnect();
    expect(place.mock.calls.length).toBeLessThanOrEqual(10);
    expect(standDown).toHaveBeenCalledTimes(1);
    // Once stood down, the watch is over: a later removal is left alone.
    holder.append(node);
    node.remove();
    await flush();
    expect(node.isConnected).toBe(false);
    watch.stop();
  });

  it('still follows YouTube rebuilding the part now and then (a few times, seconds apart)', async () => {
    const { below, node } = page();
    let now = 0;
    const place = vi.fn(() => below.querySelector('div')?.append(node));
    const standDown = vi.fn();
    const watch = stayAttached(node, place, { MutationObserver, onStandDown: standDown, now: () => now });
    for (let i = 0; i < 30; i++) {
      now += 5_000;
      below.replaceChildren(document.createElement('div'));
      await flush();
      expect(node.isConnected).toBe(true);
    }
    expect(standDown).not.toHaveBeenCalled();
    watch.stop();
  });
});
