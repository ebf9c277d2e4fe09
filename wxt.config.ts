import { defineConfig } from 'wxt';
import { buildDrawerChunk } from './build/drawer-chunk';
import { DRAWER_CHUNK_FILE } from './src/panel/drawer-chunk';

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
    // The transcript drawer's code, imported by the watch-page content script on first open (src/panel/load-drawer.ts).
    web_accessible_resources: [{ resources: [DRAWER_CHUNK_FILE], matches: ['https://www.youtube.com/*'] }],
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
    'build:publicAssets': async (wxt, files) => {
      files.push({
        relativeDest: DRAWER_CHUNK_FILE,
        contents: await buildDrawerChunk({
          root: wxt.config.root,
          minify: wxt.config.mode === 'production',
          target: [wxt.config.browser === 'firefox' ? 'firefox128' : 'chrome120'],
        }),
      });
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
