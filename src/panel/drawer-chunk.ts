/**
 * The transcript drawer's chunk: what `transcript-drawer.js` (built by build/drawer-chunk.ts, web-accessible to
 * YouTube pages) exports, and the preact bindings it borrows from the content script that loads it.
 *
 * Pure data shared by the build and the loader (load-drawer.ts): no preact, no DOM.
 */

/** Where the chunk lands in the extension (and in `web_accessible_resources`). */
export const DRAWER_CHUNK_FILE = 'transcript-drawer.js';

/**
 * What the drawer's body takes from preact (`Component` and `h` for pure-view.ts). The chunk has no preact of its own: its `preact/hooks` and JSX imports
 * are these names, bound by the loader to the content script's preact before the first render (hooks work only
 * with the preact that renders them). A name used by the drawer and missing here fails the chunk's build.
 */
export const DRAWER_PREACT_NAMES = ['useEffect', 'useLayoutEffect', 'useMemo', 'useRef', 'useState', 'jsx', 'jsxs', 'Fragment', 'Component', 'h'] as const;

export type DrawerPreactName = (typeof DRAWER_PREACT_NAMES)[number];
