/**
 * Where code may run, defined once: eslint.config.js turns these lists into import and global rules, and
 * tests/unit/architecture.test.ts checks the same files (it also catches re-exports and dynamic imports).
 * An entry ending in `/` is a folder (everything under it); any other entry is one file.
 */

/** The pure core: runs in plain Node and in any browser context — no browser, WXT, idb or Preact code, no page globals. */
export const PURE_CORE = [
  'src/scoring/',
  'src/lexicons/',
  'src/schema/',
  'src/captions/',
  'src/cache/cache-key.ts',
  'src/panel/geometry.ts',
  'src/panel/colour-scale.ts',
  'src/panel/headline-text.ts',
  'src/panel/host-attributes.ts',
  'src/panel/playhead-motion.ts',
  'src/panel/video-clock.ts',
  'src/panel/stay-attached.ts',
];

/**
 * Tools that run under Node only (`npm run score`, `validate`, `train:stance`). tsconfig.extension.json (JSON, so it
 * cannot import this) excludes the same folders; the architecture test keeps the two in step.
 */
export const NODE_ONLY = ['src/cli/', 'src/training/'];

/** Everything else in these folders ships in the extension: no `node:*` imports, no `process`, `Buffer`, `require`. */
export const EXTENSION_CODE = ['src/', 'entrypoints/'];

/** ESLint `files` / `ignores` globs for a list. */
export function globsOf(entries) {
  return entries.map((entry) => (entry.endsWith('/') ? `${entry}**/*.{ts,tsx}` : entry));
}
