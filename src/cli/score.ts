import { readFileSync } from 'node:fs';
import { runScore } from './run-score';

// `score … | head` closes stdout early: that is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/** `npm run -s score -- FILE…` (DESIGN §9): scores caption files with the extension's own scorer. */
process.exitCode = runScore(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
