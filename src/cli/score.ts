import { readFileSync } from 'node:fs';
import { runScore } from './run-score';

/** `npm run -s score -- FILE…` (DESIGN §9): scores caption files with the extension's own scorer. */
process.exitCode = runScore(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
