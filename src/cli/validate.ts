import { existsSync, readFileSync } from 'node:fs';
import { runValidate } from './run-validate';

/** `npm run -s validate -- DIR`: the thin Node entry; run-validate.ts does the work. */
process.exitCode = runValidate(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  exists: existsSync,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
