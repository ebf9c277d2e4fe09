import tseslint from 'typescript-eslint';

// The pure core (scoring, caption parsers, lexicons, panel geometry) must stay runnable in Node:
// no browser, WXT, idb or Preact imports there.
const pureCore = ['src/scoring/**', 'src/lexicons/**', 'src/schema/**', 'src/captions/parse-*.ts', 'src/captions/pick-track.ts', 'src/panel/geometry*.ts'];

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
    files: pureCore,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['wxt', 'wxt/*', '#imports', 'idb', 'preact', 'preact/*', 'webextension-polyfill', '@webext-core/*'], message: 'The pure core imports no browser, WXT, idb or Preact code.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'navigator', 'indexedDB'],
    },
  },
);
