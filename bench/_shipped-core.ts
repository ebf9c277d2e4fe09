import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { parseCaptions } from '../src/captions/parse-captions';
import type { BUILTIN_LEXICONS } from '../src/lexicons/builtin-lexicons';
import type { compileMatcher } from '../src/scoring/compile-matcher';
import type { scoreCues } from '../src/scoring/score-cues';

/** The pure core entry points the scoring bench times. */
export interface ScoringCore {
  parseCaptions: typeof parseCaptions;
  scoreCues: typeof scoreCues;
  compileMatcher: typeof compileMatcher;
  BUILTIN_LEXICONS: typeof BUILTIN_LEXICONS;
}

const here = dirname(fileURLToPath(import.meta.url));
const OUT_FILE = join(here, '..', 'tests', 'e2e', '.cache', 'bench', 'scoring-core.mjs');

/**
 * The scoring core built the way the extension ships it, for timing. The bench itself runs under tsx, whose
 * esbuild transform keeps names: every function or closure it creates is wrapped in `__name(…)`, a cost the
 * shipped code never pays (WXT/Vite bundle with esbuild and no keepNames), while the contenders run as plain
 * JS from node_modules. Bundling the same sources with esbuild's own API (the one Vite uses) and importing
 * the result measures our code as it ships. The bundle is rebuilt on every run, so it is never stale.
 */
export async function loadShippedScoringCore(): Promise<{ core: ScoringCore; file: string; esbuildVersion: string }> {
  mkdirSync(dirname(OUT_FILE), { recursive: true });
  const root = join(here, '..');
  await build({
    stdin: {
      contents: [
        "export { parseCaptions } from './src/captions/parse-captions';",
        "export { scoreCues } from './src/scoring/score-cues';",
        "export { compileMatcher } from './src/scoring/compile-matcher';",
        "export { BUILTIN_LEXICONS } from './src/lexicons/builtin-lexicons';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'bench-scoring-core.ts',
    },
    outfile: OUT_FILE,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    keepNames: false,
    minify: false,
    logLevel: 'error',
  });
  const { version } = await import('esbuild');
  const core = (await import(pathToFileURL(OUT_FILE).href)) as ScoringCore;
  return { core, file: OUT_FILE, esbuildVersion: version };
}
