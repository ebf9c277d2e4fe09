/**
 * The real UiDeps: WXT's browser API, the typed messaging transport, the settings store and the lexicon
 * data. The only module under src/ui that touches `browser`.
 */
import { browser } from 'wxt/browser';
import { BUILTIN_LEXICONS } from '../../lexicons/builtin-lexicons';
import { validateCustomLexicon } from '../../lexicons/validate-lexicon';
import { sendToBackground, sendToTab } from '../../messaging/extension-messaging';
import { settingsStore } from '../../settings/settings';
import { createShowAnywayStore, isShowAnywayKey } from '../../settings/show-anyway';
import downloadText from './download-text';
import type { UiDeps } from './ui-deps';

/** Watch pages only: the content script runs on www.youtube.com; host permission lets us filter by URL. */
const YOUTUBE_TABS = 'https://www.youtube.com/*';

export default function browserUiDeps(doc: Document): UiDeps {
  const showAnyway = createShowAnywayStore(browser.storage.local);
  return {
    settings: settingsStore,
    showAnyway: {
      count: () => showAnyway.count(),
      clear: () => showAnyway.clear(),
      watch(callback) {
        const listener = (changes: Record<string, unknown>, area: string) => {
          if (area === 'local' && Object.keys(changes).some(isShowAnywayKey)) callback();
        };
        browser.storage.onChanged.addListener(listener);
        return () => browser.storage.onChanged.removeListener(listener);
      },
    },
    builtinLexicons: BUILTIN_LEXICONS,
    validateCustomLexicon,
    sendToBackground: (type, args) => sendToBackground(type, args),
    sendToTab: (tabId, type, args) => sendToTab(tabId, type, args),
    async getActiveTabId() {
      // No `tabs` permission: query works, the tab's URL is just not visible (the content script decides).
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id ?? null;
    },
    async getYouTubeTabIds() {
      const tabs = await browser.tabs.query({ url: YOUTUBE_TABS });
      return tabs
        .filter((t) => t.id !== undefined)
        .sort((a, b) => Number(b.active) - Number(a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))
        .map((t) => t.id as number);
    },
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    async openLibraryPage() {
      await browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
    },
    copyText: (text) =>
      navigator.clipboard.writeText(text).then(
        () => true,
        () => false,
      ),
    download: (filename, text, mimeType) => downloadText(doc, filename, text, mimeType),
  };
}
