/** The real LibraryPageDeps: the library database, the worker (for re-scoring), settings, downloads. */
import { openLibrary } from '../../library/open-library';
import { sendToBackground } from '../../messaging/extension-messaging';
import { SCORER_VERSION } from '../../scoring/scorer-version';
import { settingsStore } from '../../settings/settings';
import downloadText from '../shared/download-text';
import type { LibraryPageDeps } from './library-deps';

export default function browserLibraryDeps(doc: Document): LibraryPageDeps {
  return {
    settings: settingsStore,
    openLibrary: () => openLibrary(),
    refreshLibrary: () => sendToBackground('ui-bg:refreshLibrary', {}),
    scorerVersion: SCORER_VERSION,
    now: () => Date.now(),
    download: (filename, text, mimeType) => downloadText(doc, filename, text, mimeType),
    // A frame callback runs before that frame paints; a task queued from it runs after.
    afterPaint: () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
    yieldToPage: () => new Promise((resolve) => setTimeout(resolve, 0)),
    whenIdle: () => new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 200))),
  };
}
