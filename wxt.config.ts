import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { LAZY_CHUNKS, buildLazyChunk } from './build/lazy-chunks';
import { LAZY_CHUNK_FILES } from './src/panel/lazy-chunks';

/**
 * `PM_UNMINIFIED=1 npm run build`: the same build with readable function names, for CPU profiles
 * (`BENCH_DRAWER_PROFILE=1 npm run bench -- drawer`); never shipped (its sizes are not the budget's).
 */
const UNMINIFIED = process.env.PM_UNMINIFIED === '1';

// Manifest and build settings. Permissions stay minimal: settings live in storage,
// and the only host the extension ever talks to is YouTube.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Perspective Map for YouTube',
    description:
      'Shows where each part of a YouTube episode sits from Risk-forward to Opportunity-forward, scored from its captions.',
    permissions: ['storage'],
    host_permissions: ['https://www.youtube.com/*'],
    // The panel's parts imported by the watch-page content script on first use (src/panel/load-chunks.ts).
    web_accessible_resources: [{ resources: [...LAZY_CHUNK_FILES], matches: ['https://www.youtube.com/*'] }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'perspective-map@perspective-map.dev',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The watch-page content script (isolated world) uses the browser's own promise-based `browser` / `chrome`
    // instead of webextension-polyfill (~3 KB gzip of the §9.1 budget): what it calls — runtime.sendMessage,
    // runtime.getURL, storage.local, storage.onChanged — returns promises natively in Chrome MV3 and Firefox, and
    // its onMessage listener answers through `sendResponse` (src/messaging/extension-messaging.ts), the form both
    // support. Every other context keeps the polyfill the @wxt-dev/webextension-polyfill module aliases in.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (entrypoints.length !== 1 || entrypoints[0]?.name !== 'youtube') return;
      const nativeBrowser = createRequire(import.meta.url).resolve('wxt/browser');
      const alias = viteConfig.resolve?.alias;
      if (Array.isArray(alias)) alias.unshift({ find: /^wxt\/browser$/, replacement: nativeBrowser });
      else viteConfig.resolve = { ...viteConfig.resolve, alias: { ...alias, 'wxt/browser': nativeBrowser } };
    },
    'build:publicAssets': async (wxt, files) => {
      const options = {
        root: wxt.config.root,
        minify: wxt.config.mode === 'production' && !UNMINIFIED,
        target: [wxt.config.browser === 'firefox' ? 'firefox128' : 'chrome120'],
      };
      for (const chunk of LAZY_CHUNKS) files.push({ relativeDest: chunk.file, contents: await buildLazyChunk(chunk, options) });
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    ...(UNMINIFIED
      ? {
          build: { minify: false },
          // preact's own sources instead of its minified dist, so profiles name diffChildren & co.
          resolve: {
            alias: [
              { find: /^preact$/, replacement: fileURLToPath(new URL('node_modules/preact/src/index.js', import.meta.url)) },
              { find: /^preact\/hooks$/, replacement: fileURLToPath(new URL('node_modules/preact/hooks/src/index.js', import.meta.url)) },
              { find: /^preact\/jsx-runtime$/, replacement: fileURLToPath(new URL('node_modules/preact/jsx-runtime/src/index.js', import.meta.url)) },
            ],
          },
        }
      : {}),
  }),
});
