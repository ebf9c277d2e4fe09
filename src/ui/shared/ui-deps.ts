/**
 * Everything the popup and options page need from the outside world, passed in (STYLE habit 4) so the
 * components render and are tested without a browser. `browser-ui-deps.ts` builds the real one.
 */
import type { Lexicon } from '../../lexicons/lexicon';
import type { LexiconValidation } from '../../lexicons/validate-lexicon';
import type { MessageAnswer, MessageArgs } from '../../messaging/protocol';
import type { Settings } from '../../settings/settings';

/** The settings store, as far as the UI uses it (`settingsStore` in src/settings/settings.ts satisfies it). */
export interface SettingsStore {
  getValue(): Promise<Settings>;
  /** Applies `change` to the stored settings and writes only the fields it changed; null writes nothing. */
  edit(change: (current: Settings) => Settings | null): Promise<Settings | null>;
  /** Calls back on every change (also changes made elsewhere, e.g. the panel collapsing); returns unwatch. */
  watch(callback: (value: Settings) => void): () => void;
}

export type { LexiconValidation };

export type UiToBackground = 'ui-bg:clearCache' | 'ui-bg:cacheStats';
export type UiToContent = 'ui-cs:summary' | 'ui-cs:rescore';

/** The "Show the map anyway" choices (src/settings/show-anyway.ts), as far as the options page uses them. */
export interface ShowAnywayChoices {
  count(): Promise<number>;
  /** Forgets them all; answers how many. */
  clear(): Promise<number>;
  /** Calls back when any choice is added or removed (from any context); returns unwatch. */
  watch(callback: () => void): () => void;
}

export interface UiDeps {
  settings: SettingsStore;
  showAnyway: ShowAnywayChoices;
  builtinLexicons: readonly Lexicon[];
  /** The custom-lexicon rule (validateCustomLexicon): a lexicon that is not a built-in's id. */
  validateCustomLexicon(data: unknown): LexiconValidation;
  /** Rejects when the background cannot answer. */
  sendToBackground<K extends UiToBackground>(type: K, args: MessageArgs<K>): Promise<MessageAnswer<K>>;
  /** Rejects when the tab has no content script listening (not a YouTube page, or not yet injected). */
  sendToTab<K extends UiToContent>(tabId: number, type: K, args: MessageArgs<K>): Promise<MessageAnswer<K>>;
  /** The active tab of the current window, if any. */
  getActiveTabId(): Promise<number | null>;
  /** Open YouTube tabs, most recently used first (the options page is itself the active tab). */
  getYouTubeTabIds(): Promise<number[]>;
  openOptionsPage(): Promise<void>;
  /** Opens the episode library page (library.html) in a tab. */
  openLibraryPage(): Promise<void>;
  /** Offer `text` to the user as a file download. */
  download(filename: string, text: string, mimeType: string): void;
  /** Put `text` on the clipboard; false when the browser refused. */
  copyText?(text: string): Promise<boolean>;
}
