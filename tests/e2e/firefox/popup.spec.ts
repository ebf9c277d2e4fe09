import { popupCases } from '../cases/popup';
import { sharedCase, test } from './firefox-harness';

for (const c of popupCases) test(c.title, sharedCase(c));
