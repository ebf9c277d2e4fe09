import { corePathCases } from './cases/core-path';
import { sharedCase, test } from './harness';

/** The product's main path (issue 2), shared with Firefox: tests/e2e/cases/core-path.ts. */
for (const c of corePathCases) test(c.title, sharedCase(c));
