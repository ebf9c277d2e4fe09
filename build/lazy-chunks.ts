/**
 * Builds the panel's parts loaded on first use (src/panel/load-chunks.ts) with esbuild — WXT builds each content
 * script as one IIFE and would inline a dynamic import: `transcript-drawer.js` (the transcript drawer's body),
 * `diagnostics-box.js` (what was not found, Copy diagnostics) and `transcript-panel-reader.js` (the last-resort caption
 * strategy; no preact). wxt.config.ts adds them to the extension's files and to `web_accessible_resources`.
 *
 * Each chunk is an ES module exporting its component and `bindPreact`. It carries no preact: `preact`,
 * `preact/hooks` and `preact/jsx-runtime` resolve to one small module of `CHUNK_PREACT_NAMES` that the loader binds
 * to the content script's own preact (hooks only work with the preact that renders them); a name a chunk uses and
 * the list lacks fails this build. `*.css?inline` imports become minified text, as Vite makes them.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build, transform, type Plugin } from 'esbuild';
import { CHUNK_PREACT_NAMES, DIAGNOSTICS_CHUNK_FILE, DRAWER_CHUNK_FILE, TRANSCRIPT_PANEL_READER_CHUNK_FILE } from '../src/panel/lazy-chunks';

export interface LazyChunk {
  /** Where it lands in the extension (one of LAZY_CHUNK_FILES). */
  file: string;
  /** The module, from the project root. */
  entry: string;
  /** What the chunk exports besides `bindPreact` (what load-chunks.ts reads). */
  exports: string[];
}

export const LAZY_CHUNKS: LazyChunk[] = [
  { file: DRAWER_CHUNK_FILE, entry: 'src/panel/components/transcript-drawer.tsx', exports: ['TranscriptDrawerBody'] },
  { file: DIAGNOSTICS_CHUNK_FILE, entry: 'src/panel/components/diagnostics-box.tsx', exports: ['DiagnosticsBox'] },
  { file: TRANSCRIPT_PANEL_READER_CHUNK_FILE, entry: 'src/acquisition/read-transcript-panel.ts', exports: ['readTranscriptPanel'] },
];

export interface LazyChunkOptions {
  /** The project root (where src/ is). */
  root: string;
  minify: boolean;
  /** esbuild targets, e.g. ['chrome120'] or ['firefox128']. */
  target: string[];
}

export async function buildLazyChunk(chunk: LazyChunk, { root, minify, target }: LazyChunkOptions): Promise<string> {
  const names = CHUNK_PREACT_NAMES.join(', ');
  const hostPreact = `export let ${names};\nexport function bindPreact(runtime) {\n  ({ ${names} } = runtime);\n}\n`;
  const plugin: Plugin = {
    name: 'perspective-map-lazy-chunk',
    setup(b) {
      b.onResolve({ filter: /^preact(\/hooks|\/jsx-runtime)?$/ }, () => ({ path: 'host-preact', namespace: 'host-preact' }));
      b.onLoad({ filter: /.*/, namespace: 'host-preact' }, () => ({ contents: hostPreact, loader: 'js' }));
      b.onResolve({ filter: /\.css\?inline$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.replace(/\?inline$/, '')), namespace: 'css-text' }));
      b.onLoad({ filter: /.*/, namespace: 'css-text' }, async (args) => {
        const css = await readFile(args.path, 'utf8');
        return { contents: minify ? (await transform(css, { loader: 'css', minify: true, target })).code : css, loader: 'text' };
      });
    },
  };
  const result = await build({
    absWorkingDir: root,
    stdin: {
      contents: `export { ${chunk.exports.join(', ')} } from './${chunk.entry}';\nexport { bindPreact } from 'preact/hooks';\n`,
      resolveDir: root,
      loader: 'ts',
      sourcefile: `${chunk.file.replace(/\.js$/, '')}-chunk.ts`,
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target,
    minify,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
    plugins: [plugin],
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`${chunk.file}: esbuild wrote nothing`);
  return file.text;
}
