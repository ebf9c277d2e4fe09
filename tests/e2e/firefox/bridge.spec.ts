import { bridgeCases } from '../cases/bridge';
import { sharedCase, test } from './firefox-harness';

for (const c of bridgeCases) test(c.title, sharedCase(c));
