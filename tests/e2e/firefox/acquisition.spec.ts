import { acquisitionCases } from '../cases/acquisition';
import { sharedCase, test } from './firefox-harness';

for (const c of acquisitionCases) test(c.title, sharedCase(c));
