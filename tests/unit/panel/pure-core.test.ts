/**
 * Architecture check: the panel's pure modules (geometry, colour scale, sentences, host attributes) import
 * no browser, WXT or Preact code and touch no page globals, so they run and test in plain Node. The lint
 * rule covers geometry*.ts by name; this covers the rest of the pure set.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PURE = ['geometry.ts', 'colour-scale.ts', 'headline-text.ts', 'host-attributes.ts', 'playhead-motion.ts', 'video-clock.ts', 'stay-attached.ts'];
const dir = fileURLToPath(new URL('../../../src/panel/', import.meta.url));

describe('panel pure core', () => {
  it.each(PURE)('%s imports nothing from the browser, WXT or Preact', (file) => {
    const source = readFileSync(dir + file, 'utf8');
    const imports = [...source.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    for (const spec of imports) expect(spec).toMatch(/^\.\.?\//);
    expect(imports.join(' ')).not.toMatch(/preact|wxt|idb|webextension/);
    expect(source).not.toMatch(/\b(document|window|navigator|chrome|browser)\./);
  });
});
