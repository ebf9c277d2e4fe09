import { popupCases } from './cases/popup';
import { sharedCase, test } from './harness';

/** The popup driving an open watch page, shared with Firefox: tests/e2e/cases/popup.ts. */
for (const c of popupCases) test(c.title, sharedCase(c));
