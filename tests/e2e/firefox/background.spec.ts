import { backgroundCases } from '../cases/background';
import { sharedCase, test } from './firefox-harness';

for (const c of backgroundCases) test(c.title, sharedCase(c));
