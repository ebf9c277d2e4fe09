/**
 * Builds `transcript-drawer.js`, the transcript drawer's body loaded on first open (src/panel/load-drawer.ts), with
 * esbuild (WXT builds each content script as one IIFE and would inline a dynamic import). wxt.config.ts adds it to
 * the extension's files and to `web_accessible_resources`.
 *
 * The chunk is an ES module exporting `TranscriptDrawerBody` and `bindPreact`. It carries no preact: `preact`,
 * `preact/hooks` and `preact/jsx-runtime` resolve to one small module of `DRAWER_PREACT_NAMES` that the loader binds
 * to the content script's own preact (hooks only work with the preact that renders them); a name the drawer uses and
 * the list lacks fails this build. `*.css?inline` imports become minified text, as Vite makes them.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build, transform, type Plugin } from 'esbuild';
import { DRAWER_PREACT_NAMES } from '../src/panel/drawer-chunk';

const ENTRY = 'src/panel/components/transcript-drawer.tsx';

export interface DrawerChunkOptions {
  /** The project root (where src/ is). */
  root: string;
  minify: boolean;
  /** esbuild targets, e.g. ['chrome120'] or ['firefox128']. */
  target: string[];
}

export async function buildDrawerChunk({ root, minify, target }: DrawerChunkOptions): Promise<string> {
  const names = DRAWER_PREACT_NAMES.join(', ');
  const hostPreact = `export let ${names};\nexport function bindPreact(runtime) {\n  ({ ${names} } = runtime);\n}\n`;
  const plugin: Plugin = {
    name: 'perspective-map-drawer-chunk',
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
      contents: `export { TranscriptDrawerBody } from './${ENTRY}';\nexport { bindPreact } from 'preact/hooks';\n`,
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'transcript-drawer-chunk.ts',
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
  if (!file) throw new Error('transcript-drawer chunk: esbuild wrote nothing');
  return file.text;
}
