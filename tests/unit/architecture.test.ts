import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

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

const PURE_CORE = ['src/scoring', 'src/lexicons', 'src/schema', 'src/captions', 'src/cache/cache-key.ts', 'src/panel/geometry.ts', 'src/panel/colour-scale.ts'];
const FORBIDDEN_IN_CORE = /from\s+['"](wxt(\/[^'"]*)?|#imports|idb|preact(\/[^'"]*)?|webextension-polyfill|@webext-core\/[^'"]+)['"]|import\(\s*['"](wxt|idb|preact)/;

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

  const coreFiles = PURE_CORE.flatMap((p) => (p.endsWith('.ts') ? [join(ROOT, p)] : sourceFiles(p))).filter(
    // The captions folder also holds one glue type file shared with the browser side; it imports nothing.
    (f) => !f.endsWith('.d.ts'),
  );
  it.each(coreFiles.map(rel))('pure core %s imports no browser, WXT, idb or Preact code', (file) => {
    expect(code(join(ROOT, file))).not.toMatch(FORBIDDEN_IN_CORE);
  });

  const shipped = [...sourceFiles('src'), ...sourceFiles('entrypoints')];
  it.each(shipped.map(rel))('%s has no module-level mutable state and renders no HTML strings', (file) => {
    const text = code(join(ROOT, file));
    // Top-level `let`/`var` (column 0) is module state; constants and functions are fine.
    expect(text).not.toMatch(/^(export\s+)?(let|var)\s/m);
    expect(text).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write\(/);
  });
});
