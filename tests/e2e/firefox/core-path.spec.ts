import { corePathCases } from '../cases/core-path';
import { sharedCase, test } from './firefox-harness';

for (const c of corePathCases) test(c.title, sharedCase(c));
