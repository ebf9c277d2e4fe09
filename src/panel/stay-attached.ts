/**
 * Keeps a node of ours in YouTube's page when YouTube rebuilds the part that holds it, watching as little as
 * possible: the node's **ancestor chain**, `childList` only, never a subtree. The player's subtree mutates all
 * the time while a video plays (progress, tooltips, captions); a subtree observer there would run on every one of
 * those mutations (issue 9 §6). An ancestor's own child list changes only when something at that level comes or
 * goes, which is exactly when the node can have been taken away.
 *
 * While the node is out (its place rebuilt without it), the deepest ancestor it had that is still in the page is
 * watched: YouTube puts the rebuilt part back under it, and `place()` is tried again. A place rebuilt deeper than
 * that, later, is caught by the owner's own checks (mount-panel.ts re-places on media loads and on updates).
 *
 * **Standing down**: something else may keep removing the node (another extension's strip in the same place, a
 * page "cleaner"). Putting it back at once would start a remove/re-add loop that runs at mutation speed and freezes
 * the page. So when the node is taken away after being put back `MAX_RESTORES` times within `RESTORE_WINDOW_MS`,
 * the watch ends instead and `onStandDown` says so; the other side keeps the place. YouTube rebuilding a part happens seconds apart, far under that rate.
 */
export const MAX_RESTORES = 5;
export const RESTORE_WINDOW_MS = 2_000;

export interface StayAttached {
  /** Re-places the node now if it is out, and watches its (new) ancestor chain. */
  check(): void;
  stop(): void;
}

export interface StayAttachedDeps {
  MutationObserver: typeof MutationObserver;
  /** Called once when the watch gives up because the node keeps being taken away. */
  onStandDown?: () => void;
  now?: () => number;
}

/**
 * `place()` puts `node` where it belongs (it may do nothing when there is no place yet, or decide the node is
 * no longer wanted and stop this watch).
 */
export function stayAttached(node: Node, place: () => void, deps: StayAttachedDeps): StayAttached {
  let stopped = false;
  /** The node's ancestors when it was last in the page, nearest first. */
  let ancestors: Node[] = [];
  const observer = new deps.MutationObserver(() => check());
  const now = deps.now ?? (() => Date.now());
  /** When the node was put back within the last RESTORE_WINDOW_MS, oldest first. */
  const restores: number[] = [];

  function watch(): void {
    observer.disconnect();
    if (stopped) return;
    if (node.isConnected) {
      ancestors = [];
      for (let n = node.parentNode; n; n = n.parentNode) ancestors.push(n);
    }
    const from = ancestors.find((n) => n.isConnected);
    for (let n: Node | null = from ?? null; n; n = n.parentNode) observer.observe(n, { childList: true });
  }

  function check(): void {
    if (stopped) return;
    if (!node.isConnected) {
      // Taken away again right after being put back MAX_RESTORES times: someone else wants the place. The check
      // comes before putting it back, so the other side keeps the place and the loop ends there.
      if (recentRestores() >= MAX_RESTORES) {
        stop();
        deps.onStandDown?.();
        return;
      }
      place();
      if (node.isConnected) restores.push(now());
    }
    watch();
  }

  function recentRestores(): number {
    const at = now();
    while (restores.length > 0 && at - restores[0]! > RESTORE_WINDOW_MS) restores.shift();
    return restores.length;
  }

  function stop(): void {
    stopped = true;
    ancestors = [];
    observer.disconnect();
  }

  watch();
  return { check, stop };
}
