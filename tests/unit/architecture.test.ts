import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_CODE, NODE_ONLY, PURE_CORE } from '../../code-boundaries.js';

/**
 * The conventions of STYLE.md, enforced: thin entrypoints, a README per src/ folder, a pure core that imports
 * no browser/WXT/idb/Preact code (also a lint rule; this catches re-exports and dynamic imports too), no
 * module-level mutable state, and no HTML-string rendering anywhere in shipped code.
 */
const ROOT = join(__dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const sourceFiles = (dir: string) => filesUnder(join(ROOT, dir)).filter((f) => /\.(ts|tsx)$/.test(f));
const rel = (f: string) => relative(ROOT, f);
const code = (f: string) =>
  readFileSync(f, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

/** The files of a code-boundaries.js list (folders end in `/`). */
const filesOf = (entries: readonly string[]) =>
  entries.flatMap((entry) => (entry.endsWith('/') ? sourceFiles(entry) : [join(ROOT, entry)])).filter((f) => !f.endsWith('.d.ts'));
const FORBIDDEN_IN_CORE = /from\s+['"](wxt(\/[^'"]*)?|#imports|idb|preact(\/[^'"]*)?|webextension-polyfill|@webext-core\/[^'"]+)['"]|import\(\s*['"](wxt|idb|preact)/;
const NODE_MODULES = ['fs', 'path', 'os', 'url', 'util', 'crypto', 'child_process', 'worker_threads', 'buffer', 'stream'];
const NODE_IMPORT = new RegExp(`(from\\s+|import\\(\\s*|require\\(\\s*)['"](node:[^'"]+|(${NODE_MODULES.join('|')})(/[^'"]*)?)['"]`);
const NODE_GLOBAL = /(^|[^.\w$'"`])(process|Buffer|__dirname|__filename)\b(?!\s*:)/m;

describe('architecture', () => {
  it.each(sourceFiles('entrypoints').map(rel))('entrypoint %s is thin (a define* call or a render, and one start)', (file) => {
    const lines = code(join(ROOT, file))
      .split('\n')
      .filter((l) => l.trim() !== '');
    expect(lines.length).toBeLessThanOrEqual(12);
  });

  it.each(readdirSync(join(ROOT, 'src')).filter((d) => statSync(join(ROOT, 'src', d)).isDirectory()))('src/%s has a README stating its invariants', (dir) => {
    const readme = readFileSync(join(ROOT, 'src', dir, 'README.md'), 'utf8');
    expect(readme.length).toBeGreaterThan(200);
  });

  it.each(filesOf(PURE_CORE).map(rel))('pure core %s imports no browser, WXT, idb or Preact code and touches no page globals', (file) => {
    const text = code(join(ROOT, file));
    expect(text).not.toMatch(FORBIDDEN_IN_CORE);
    expect(text).not.toMatch(/(^|[^.\w$])(document|window|navigator|chrome|browser)\./m);
  });

  it('tsconfig.extension.json (no Node types) covers exactly the extension code: src/ and entrypoints/ minus the Node-only tools', () => {
    const config = JSON.parse(readFileSync(join(ROOT, 'tsconfig.extension.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { include: string[]; exclude: string[] };
    expect(config.include.filter((p) => !p.startsWith('.wxt')).map((p) => `${p}/`).sort()).toEqual([...EXTENSION_CODE].sort());
    expect(config.exclude.map((p) => `${p}/`).sort()).toEqual([...NODE_ONLY].sort());
  });

  const nodeOnly = new Set(filesOf(NODE_ONLY));
  const extensionFiles = filesOf(EXTENSION_CODE).filter((f) => !nodeOnly.has(f));
  it.each(extensionFiles.map(rel))('extension code %s uses no Node module or global (it runs in a browser)', (file) => {
    const text = code(join(ROOT, file));
    expect(text).not.toMatch(NODE_IMPORT);
    expect(text).not.toMatch(NODE_GLOBAL);
  });

  const shipped = [...sourceFiles('src'), ...sourceFiles('entrypoints')];
  it.each(shipped.map(rel))('%s has no module-level mutable state and renders no HTML strings', (file) => {
    const text = code(join(ROOT, file));
    // Top-level `let`/`var` (column 0) is module state; constants and functions are fine.
    expect(text).not.toMatch(/^(export\s+)?(let|var)\s/m);
    expect(text).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write\(/);
  });
});
