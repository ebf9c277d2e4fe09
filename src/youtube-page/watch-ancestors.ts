/**
 * Tells when an element may have left the page, watching only its ancestor chain: one MutationObserver,
 * `childList` on each ancestor, never `subtree` (the player mutates its insides constantly while playing; a
 * subtree observer there would run on every caption line and tooltip). An ancestor losing a child is the only
 * way the element can be taken out, so this sees every removal and nothing else. A move (same task: out and back
 * in elsewhere) re-arms the watch on the new chain.
 */
export function watchAncestors(element: Element, onChange: (how: 'detached' | 'moved') => void): () => void {
  const win = element.ownerDocument.defaultView;
  if (!win) return () => undefined;
  let chain: Node[] = [];
  const ancestors = () => {
    const nodes: Node[] = [];
    for (let node: Node | null = element.parentNode; node; node = node.parentNode) nodes.push(node);
    return nodes;
  };
  const arm = () => {
    chain = ancestors();
    for (const node of chain) observer.observe(node, { childList: true });
  };
  const observer = new win.MutationObserver(() => {
    if (!element.isConnected) return onChange('detached');
    // Moved (theater / fullscreen move the player between containers): follow the new chain.
    const now = ancestors();
    if (now.length === chain.length && now.every((node, i) => node === chain[i])) return;
    observer.disconnect();
    arm();
    onChange('moved');
  });
  arm();
  return () => observer.disconnect();
}
