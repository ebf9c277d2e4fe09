import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../../src/background/start-background';
import { sendToBackground } from '../../../src/messaging/extension-messaging';
import { PROTOCOL_TAG } from '../../../src/messaging/validate-message';
import { defaultSettings, writeSettings } from '../../../src/settings/settings';
import { SEED_TRACK, SEED_VIDEO_ID, seedPrefix } from './seed-episode';

const BODY = seedPrefix(600);
const LOOKUP = { videoId: SEED_VIDEO_ID, track: SEED_TRACK };

describe('startBackground (messages → service → IndexedDB)', () => {
  let factory: IDBFactory;
  let stop: (() => void) | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    factory = new IDBFactory();
  });
  afterEach(() => {
    stop?.();
    vi.restoreAllMocks();
  });

  it('answers lookup → score → lookup, and after a "restart" answers from IndexedDB', async () => {
    stop = startBackground({ indexedDB: factory }).stop;
    expect(await sendToBackground('cs-bg:lookup', LOOKUP)).toBeNull();
    const scored = await sendToBackground('cs-bg:score', { ...LOOKUP, source: 'player', body: BODY, requestId: 'r1' });
    expect(scored.origin).toBe('scored');

    stop(); // the worker is stopped; a new one starts with empty memory over the same database
    stop = startBackground({ indexedDB: factory }).stop;
    expect(await sendToBackground('cs-bg:lookup', LOOKUP)).toEqual({ map: scored.map, origin: 'cache', source: 'player' });
    expect(await sendToBackground('ui-bg:cacheStats', {})).toEqual({ episodes: 1, bytes: expect.any(Number) });

    // A lexicon change in storage: the next lookup re-scores from the cached cues.
    await writeSettings({ ...defaultSettings(), enabledLexicons: ['ai-opportunity'] });
    expect((await sendToBackground('cs-bg:lookup', LOOKUP))?.origin).toBe('cues');

    expect(await sendToBackground('ui-bg:clearCache', {})).toEqual({ cleared: 1 });
    expect(await sendToBackground('cs-bg:lookup', LOOKUP)).toBeNull();
  });

  it('rejects a malformed body with the message the panel shows', async () => {
    stop = startBackground({ indexedDB: factory }).stop;
    await expect(
      sendToBackground('cs-bg:score', { ...LOOKUP, source: 'direct', body: '{"events": [', requestId: 'r' }),
    ).rejects.toThrow(/^The caption file could not be read: json3: invalid or truncated JSON/);
  });

  it('sends progress to the tab that asked, for a long transcript', async () => {
    const tabSend = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: null });
    stop = startBackground({ indexedDB: factory }).stop;
    const longBody = seedPrefix(4000); // > 256 KB
    const envelope = { protocol: PROTOCOL_TAG, type: 'cs-bg:score', args: { ...LOOKUP, source: 'player', body: longBody, requestId: 'p1' } };
    const [answer] = await fakeBrowser.runtime.onMessage.trigger(envelope, { tab: { id: 9 } as never });
    expect(answer).toMatchObject({ ok: true, value: { origin: 'scored' } });
    expect(tabSend).toHaveBeenCalledWith(
      9,
      { protocol: PROTOCOL_TAG, type: 'bg-cs:progress', args: { requestId: 'p1', phase: 'store', fraction: 1 } },
      { frameId: 0 },
    );
  });
});
