/**
 * What the library page needs from outside, passed in (STYLE habit 4): the page renders in happy-dom over
 * fake-indexeddb in tests, and over the real database in the extension. `browser-library-deps.ts` builds the
 * real one. The page reads and writes the library database directly (an extension page shares the worker's
 * origin, so 2,000 entries never cross the message channel); only the re-score needs the worker.
 */
import type { EpisodeLibrary } from '../../library/open-library';
import type { MessageAnswer } from '../../messaging/protocol';
import type { SettingsStore } from '../shared/ui-deps';

export interface LibraryPageDeps {
  settings: SettingsStore;
  openLibrary(): Promise<EpisodeLibrary>;
  /** Backfill + re-score outdated entries from cached cues (the worker does it); rejects when the worker cannot answer. */
  refreshLibrary(): Promise<MessageAnswer<'ui-bg:refreshLibrary'>>;
  scorerVersion: string;
  now(): number;
  download(filename: string, text: string, mimeType: string): void;
  /** Resolves once what is rendered now has been painted. */
  afterPaint(): Promise<void>;
  /** Resolves after other queued work (input, rendering) has had its turn. */
  yieldToPage(): Promise<void>;
  /** Resolves when the page is idle (or soon, where the browser cannot tell). */
  whenIdle(): Promise<void>;
}
