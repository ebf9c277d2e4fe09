import { navigationCases } from '../cases/navigation';
import { sharedCase, test } from './firefox-harness';

for (const c of navigationCases) test(c.title, sharedCase(c));
