import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `npm run bench [-- name…]`: runs every bench module in this folder (bench/*.ts except this runner), in
 * name order, one after another so they never compete for the CPU. A bench module default-exports an async
 * function that prints its own figures. Benchmarks print; they never assert timings.
 */
const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const modules = readdirSync(here)
  .filter((name) => name.endsWith('.ts') && name !== 'run.ts' && !name.startsWith('_'))
  .sort()
  .filter((name) => wanted.length === 0 || wanted.includes(basename(name, '.ts')));

if (modules.length === 0) {
  console.error(`bench: no bench module matches ${wanted.join(', ')}`);
  process.exitCode = 2;
}
for (const name of modules) {
  console.log(`\n# bench/${name}`);
  const module = (await import(pathToFileURL(join(here, name)).href)) as { default?: () => Promise<void> | void };
  if (typeof module.default !== 'function') {
    console.error(`bench/${name}: no default-exported function, skipped`);
    continue;
  }
  await module.default();
}
