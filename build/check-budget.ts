/**
 * The content-script budget of DESIGN §9.1 (under 45 KB gzip): fails when the built isolated-world content script
 * weighs more than BUDGET_BYTES gzip. The latest review asks for 40 KB: REVIEW_TARGET_BYTES is printed beside it
 * (39,8xx B before main's settings/panel-strategy additions of 30 Nov, ~40.9 KB after) — lower BUDGET_BYTES to it
 * once the script is back under. Run after the builds (`npm run
 * check:budget`, part of `test:e2e`); a missing build is an error, so the check cannot pass by not looking.
 *
 * gzip at zlib's default level, as `gzip -c` measures it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 45_000;
export const REVIEW_TARGET_BYTES = 40_000;
const SCRIPT = join('content-scripts', 'youtube.js');
const BUILDS = ['chrome-mv3', 'firefox-mv3'];

export function gzipBytes(code: Buffer | string): number {
  return gzipSync(code).length;
}

function main(): void {
  const root = join(import.meta.dirname, '..', '.output');
  const wanted = process.argv.slice(2);
  const builds = wanted.length > 0 ? wanted : BUILDS;
  let failed = false;
  for (const build of builds) {
    const file = join(root, build, SCRIPT);
    if (!existsSync(file)) {
      console.error(`check-budget: ${join('.output', build, SCRIPT)} is missing: build it first`);
      failed = true;
      continue;
    }
    const code = readFileSync(file);
    const size = gzipBytes(code);
    const verdict = size <= BUDGET_BYTES ? 'ok' : 'OVER BUDGET';
    console.log(`${build}: content script ${size.toLocaleString('en')} B gzip (${code.length.toLocaleString('en')} B raw), budget ${BUDGET_BYTES.toLocaleString('en')} B: ${verdict}${size > REVIEW_TARGET_BYTES ? ` (over the review's ${REVIEW_TARGET_BYTES.toLocaleString('en')} B target)` : ''}`);
    if (size > BUDGET_BYTES) failed = true;
  }
  if (failed) process.exit(1);
}

main();
