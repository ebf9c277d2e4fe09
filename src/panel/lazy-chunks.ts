/**
 * The watch-page content script's parts loaded on first use (the content-script budget of DESIGN §9.1): the panel's
 * transcript drawer and diagnostics box, and the last-resort caption strategy's transcript panel reader. Each is a
 * file of its own (built by build/lazy-chunks.ts, web-accessible to YouTube pages) that borrows preact from the
 * content script that loads it (load-chunks.ts).
 *
 * Pure data shared by the build and the loader: no preact, no DOM.
 */

/** The transcript drawer's body (components/transcript-drawer.tsx), loaded when the drawer first opens. */
export const DRAWER_CHUNK_FILE = 'transcript-drawer.js';
/** "What was not found" and "Copy diagnostics" (components/diagnostics-box.tsx), loaded when first shown. */
export const DIAGNOSTICS_CHUNK_FILE = 'diagnostics-box.js';

/** The `panel` caption strategy's reader of YouTube's transcript panel (src/acquisition/read-transcript-panel.ts). */
export const TRANSCRIPT_PANEL_READER_CHUNK_FILE = 'transcript-panel-reader.js';

/** Every lazy chunk's file (the build writes them; the manifest lists them in `web_accessible_resources`). */
export const LAZY_CHUNK_FILES = [DRAWER_CHUNK_FILE, DIAGNOSTICS_CHUNK_FILE, TRANSCRIPT_PANEL_READER_CHUNK_FILE] as const;

/**
 * What the chunks take from preact (`Component` and `h` for pure-view.ts). A chunk has no preact of its own: its
 * `preact`, `preact/hooks` and JSX imports are these names, bound by the loader to the content script's preact
 * before the first render (hooks work only with the preact that renders them). A name a chunk uses and this list
 * lacks fails the chunk's build.
 */
export const CHUNK_PREACT_NAMES = ['useEffect', 'useLayoutEffect', 'useMemo', 'useRef', 'useState', 'jsx', 'jsxs', 'Fragment', 'Component', 'h'] as const;

export type ChunkPreactName = (typeof CHUNK_PREACT_NAMES)[number];
