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
 */
export interface StayAttached {
  /** Re-places the node now if it is out, and watches its (new) ancestor chain. */
  check(): void;
  stop(): void;
}

export interface StayAttachedDeps {
  MutationObserver: typeof MutationObserver;
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
    if (!node.isConnected) place();
    watch();
  }

  watch();
  return {
    check,
    stop() {
      stopped = true;
      ancestors = [];
      observer.disconnect();
    },
  };
}
