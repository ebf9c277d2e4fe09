import { matchingBrace } from './matching-brace';

/**
 * `ytInitialPlayerResponse` from a watch page's HTML (the page data of a hard load; after SPA navigation
 * it is stale — check its videoId). Pure text scanning: the object literal is cut out by counting braces
 * outside strings (linear, no regex over the whole page) and parsed with JSON.parse. Null when absent or
 * broken; never throws.
 */
export function extractInitialPlayerResponse(html: string): unknown | null {
  let from = 0;
  for (;;) {
    const at = html.indexOf(MARKER, from);
    if (at === -1) return null;
    from = at + MARKER.length;
    const open = objectStartAfterAssignment(html, from);
    if (open === -1) continue; // a mention such as `window['ytInitialPlayerResponse']`, not the assignment
    const close = matchingBrace(html, open);
    if (close === -1) return null;
    try {
      return JSON.parse(html.slice(open, close + 1)) as unknown;
    } catch {
      return null;
    }
  }
}

const MARKER = 'ytInitialPlayerResponse';

/** After the marker: optional `"]`/`']`, spaces, `=`, spaces, `{`. Returns the brace index or -1. */
function objectStartAfterAssignment(html: string, i: number): number {
  if (html[i] === '"' || html[i] === "'") i++;
  if (html[i] === ']') i++;
  while (html[i] === ' ') i++;
  if (html[i] !== '=') return -1;
  i++;
  while (html[i] === ' ') i++;
  return html[i] === '{' ? i : -1;
}
