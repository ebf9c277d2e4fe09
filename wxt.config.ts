import { defineConfig } from 'wxt';

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
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
