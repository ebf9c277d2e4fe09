import tseslint from 'typescript-eslint';
import { EXTENSION_CODE, NODE_ONLY, PURE_CORE, globsOf } from './code-boundaries.js';

// Where code may run is defined once, in code-boundaries.js (the architecture test reads the same lists).

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/e2e/.cache/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text only (YouTube enforces Trusted Types).' },
        { property: 'outerHTML', message: 'Render text only (YouTube enforces Trusted Types).' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Render text only.' },
        // Preact's diff keeps an innerHTML path for this prop (web-ext lint flags it in the bundle); we never take it.
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text only (YouTube enforces Trusted Types).' },
      ],
    },
  },
  {
    // Shipped code runs in a browser: Node's modules and globals are not there (tsconfig.extension.json checks the
    // same without Node's types; this names the rule where the code is written).
    files: globsOf(EXTENSION_CODE),
    ignores: globsOf(NODE_ONLY),
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'url', 'util', 'crypto', 'child_process', 'worker_threads', 'buffer', 'stream'], message: 'Extension code runs in a browser: no Node modules.' }] },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'module'],
    },
  },
  {
    files: globsOf(PURE_CORE),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['wxt', 'wxt/*', '#imports', 'idb', 'preact', 'preact/*', 'webextension-polyfill', '@webext-core/*'], message: 'The pure core imports no browser, WXT, idb or Preact code.' },
            { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'url', 'util', 'crypto', 'child_process', 'worker_threads', 'buffer', 'stream'], message: 'The pure core runs in a browser too: no Node modules.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'navigator', 'indexedDB', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'module'],
    },
  },
);
