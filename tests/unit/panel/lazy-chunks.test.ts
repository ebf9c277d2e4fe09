import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAZY_CHUNKS, buildLazyChunk } from '../../../build/lazy-chunks';
import { CHUNK_PREACT_NAMES, LAZY_CHUNK_FILES } from '../../../src/panel/lazy-chunks';

/**
 * The panel's parts loaded on first use (load-chunks.ts) are built by build/lazy-chunks.ts: every file the manifest
 * lists is built, and each chunk is a self-contained module that borrows preact instead of carrying its own.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('lazy chunks', () => {
  it('builds exactly the files the manifest makes web-accessible', () => {
    expect(LAZY_CHUNKS.map((chunk) => chunk.file).sort()).toEqual([...LAZY_CHUNK_FILES].sort());
  });

  it.each(LAZY_CHUNKS.map((chunk) => [chunk.file, chunk] as const))('%s: its exports and bindPreact, no import and no preact of its own', async (_file, chunk) => {
    const code = await buildLazyChunk(chunk, { root: ROOT, minify: false, target: ['chrome120'] });
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/\bimport\(/);
    // Preact's own diff (options hooks, `__H` hook state) would mean a second preact whose hooks break.
    expect(code).not.toContain('__H');
    const exported = /export\s*\{([^}]*)\}/.exec(code)?.[1] ?? '';
    for (const name of [...chunk.exports, 'bindPreact']) expect(exported).toMatch(new RegExp(`\\b${name}\\b`));
    expect(code).toContain(`({ ${CHUNK_PREACT_NAMES.join(', ')} } = runtime)`);
  });
});
