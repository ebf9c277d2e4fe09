import { parseCaptions } from '../../src/captions/parse-captions';
import { expect, navigateSpa, openWatch, test, YOUTUBE } from './harness';

/**
 * Tests OF THE REPLICA: it must reproduce the constraints of today's YouTube (DESIGN §3/§8, YOUTUBE-FACTS), or
 * the extension's end-to-end tests prove nothing. They run without the extension (it would race the player
 * tests by toggling captions itself), except the harness tests at the end.
 */
test.use({ loadExtension: false });

interface PlayerEl extends HTMLElement {
  getOption(module: string, option: string, extra?: unknown): unknown;
  setOption(module: string, option: string, value: unknown): void;
  isSubtitlesOn(): boolean;
  toggleSubtitles(): void;
  getVideoData(): Record<string, unknown>;
  getPlayerResponse(): unknown;
}
const SEED = '4WNWeUQ7Hfc';
const TWO = 'TwoLangEp01';

async function baseUrls(page: import('@playwright/test').Page): Promise<{ baseUrl: string; vssId: string }[]> {
  return page.evaluate(() => {
    const pr = (document.querySelector('#movie_player') as unknown as { getPlayerResponse(): { captions?: { playerCaptionsTracklistRenderer: { captionTracks: { baseUrl: string; vssId: string }[] } } } }).getPlayerResponse();
    return (pr.captions?.playerCaptionsTracklistRenderer.captionTracks ?? []).map((t) => ({ baseUrl: t.baseUrl, vssId: t.vssId }));
  });
}

async function get(page: import('@playwright/test').Page, url: string): Promise<{ status: number; body: string; type: string | null }> {
  return page.evaluate(async (u) => {
    const r = await fetch(u);
    return { status: r.status, body: await r.text(), type: r.headers.get('content-type') };
  }, url);
}

test.describe('watch page and Trusted Types', () => {
  test('serves YouTube-shaped markup with \\u0026-escaped baseUrls and a nonce CSP with Trusted Types', async ({ page, replica }) => {
    const response = await page.goto(`${YOUTUBE}/watch?v=${SEED}`);
    const csp = response!.headers()['content-security-policy']!;
    expect(csp.split(', ')).toHaveLength(3);
    expect(csp).toContain("require-trusted-types-for 'script'");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const html = await response!.text();
    expect(html).toContain(`<script nonce="${nonce}">var ytInitialPlayerResponse = {`);
    expect(html).toMatch(/"baseUrl":"https:\/\/www\.youtube\.com\/api\/timedtext\?v=4WNWeUQ7Hfc\\u0026ei=[^"]*\\u0026exp=xpe\\u0026/);
    expect(html).toContain('ytcfg.set({"INNERTUBE_API_KEY"');
    for (const sel of ['ytd-app ytd-page-manager ytd-watch-flexy[video-id="4WNWeUQ7Hfc"] #primary #player #movie_player.html5-video-player .html5-video-container video.video-stream.html5-main-video', '#movie_player .ytp-chrome-bottom .ytp-progress-bar-container .ytp-progress-bar', '#movie_player .ytp-subtitles-button[aria-pressed="false"]', '#below ytd-watch-metadata #title h1', '#description ytd-video-description-transcript-section-renderer button', '#secondary a#thumbnail']) {
      await expect(page.locator(sel).first(), sel).toBeAttached();
    }
    expect(replica.log.entries.some((e) => e.pathname === '/watch')).toBe(true);
  });

  test('innerHTML and script text throw under Trusted Types; un-nonced inline scripts do not run', async ({ page }) => {
    await openWatch(page, SEED);
    const result = await page.evaluate(() => {
      const attempt = (fn: () => void) => {
        try {
          fn();
          return 'ok';
        } catch (e) {
          return (e as Error).name;
        }
      };
      const s = document.createElement('script');
      return {
        innerHTML: attempt(() => {
          // eslint-disable-next-line no-restricted-properties -- the point: the replica's CSP must make this throw
          document.body.innerHTML = '<b>x</b>';
        }),
        // eslint-disable-next-line no-restricted-syntax -- same: must throw under Trusted Types
        insertAdjacentHTML: attempt(() => document.body.insertAdjacentHTML('beforeend', '<i>y</i>')),
        scriptText: attempt(() => {
          s.textContent = 'window.__ran = true';
          document.head.append(s);
        }),
      };
    });
    expect(result).toEqual({ innerHTML: 'TypeError', insertAdjacentHTML: 'TypeError', scriptText: 'TypeError' });
  });
});

test.describe('/api/timedtext', () => {
  test('exp=xpe without pot → empty 200; with the player token and c=WEB → the json3 body', async ({ page, replica }) => {
    await openWatch(page, SEED);
    const baseUrl = (await baseUrls(page))[0]!.baseUrl;
    expect(baseUrl).toContain('&exp=xpe&');
    const bare = await get(page, `${baseUrl}&fmt=json3`);
    expect(bare).toMatchObject({ status: 200, body: '' });
    const wrongVideo = await get(page, `${baseUrl}&potc=1&pot=${replica.potFor(TWO)}&fmt=json3&c=WEB`);
    expect(wrongVideo.body).toBe('');
    const noClient = await get(page, `${baseUrl}&potc=1&pot=${replica.potFor(SEED)}&fmt=json3`);
    expect(noClient.body).toBe('');
    const ok = await get(page, `${baseUrl}&potc=1&pot=${replica.potFor(SEED)}&fmt=json3&c=WEB`);
    expect(ok.status).toBe(200);
    expect(parseCaptions(ok.body).format).toBe('json3');
    expect((JSON.parse(ok.body) as { events: unknown[] }).events.length).toBeGreaterThan(3261);
  });

  test('clean (xpe-less) baseUrls are fetched directly', async ({ page }) => {
    await openWatch(page, 'CleanUrlEp1');
    const baseUrl = (await baseUrls(page))[0]!.baseUrl;
    expect(baseUrl).not.toContain('exp=xpe');
    const r = await get(page, `${baseUrl}&fmt=json3`);
    expect(parseCaptions(r.body).cues.length).toBe(160);
  });

  test('changing a signed parameter breaks the request', async ({ page, replica }) => {
    await openWatch(page, TWO);
    const tracks = await baseUrls(page);
    const en = tracks.find((t) => t.vssId === '.en')!.baseUrl;
    const tail = `&potc=1&pot=${replica.potFor(TWO)}&fmt=json3&c=WEB`;
    expect((await get(page, en + tail)).body.length).toBeGreaterThan(0);
    const tamper: [string, (u: URL) => void][] = [
      ['lang', (u) => u.searchParams.set('lang', 'de')],
      ['kind', (u) => u.searchParams.set('kind', 'asr')],
      ['v', (u) => u.searchParams.set('v', SEED)],
      ['exp removed', (u) => u.searchParams.delete('exp')],
      ['expire', (u) => u.searchParams.set('expire', String(Number(u.searchParams.get('expire')) + 3600))],
      ['ei', (u) => u.searchParams.set('ei', 'AAAAAAAAAAAAAAAAAAAAAA')],
      ['signature', (u) => u.searchParams.set('signature', u.searchParams.get('signature')!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))],
    ];
    for (const [name, change] of tamper) {
      const u = new URL(en + tail);
      change(u);
      const r = await get(page, u.href);
      expect({ name, status: r.status, body: r.body }).toEqual({ name, status: 403, body: '' });
    }
  });

  test('serves the seed in every format, with the first fmt winning and srv1 by default', async ({ page, replica }) => {
    await openWatch(page, SEED);
    const baseUrl = (await baseUrls(page))[0]!.baseUrl;
    const withPot = `${baseUrl}&potc=1&pot=${replica.potFor(SEED)}&c=WEB`;
    const cases: [string, string, RegExp][] = [
      ['&fmt=json3', 'json3', /^application\/json/],
      ['&fmt=srv3', 'srv3', /^text\/xml/],
      ['&fmt=srv1', 'srv1', /^text\/xml/],
      ['&fmt=vtt', 'vtt', /^text\/vtt/],
      ['', 'srv1', /^text\/xml/],
      ['&fmt=srv3&fmt=json3', 'srv3', /^text\/xml/],
    ];
    const counts: Record<string, number> = {};
    for (const [suffix, format, type] of cases) {
      const r = await get(page, withPot + suffix);
      expect(r.type, suffix).toMatch(type);
      const parsed = parseCaptions(r.body);
      expect(parsed.format, suffix).toBe(format);
      counts[suffix || '(none)'] = parsed.cues.length;
    }
    expect(counts['&fmt=json3']).toBe(3261);
    for (const [suffix, n] of Object.entries(counts)) expect({ suffix, n }).toEqual({ suffix, n: 3261 });
    const srv1 = await get(page, `${withPot}&fmt=srv1`);
    expect(srv1.body).toContain('&amp;#39;'); // entities escaped twice, like YouTube
    const vtt = await get(page, `${withPot}&fmt=vtt`);
    expect(vtt.body).toMatch(/<\d\d:\d\d:\d\d\.\d{3}><c> \w+<\/c>/);
  });

  test('tlang: a translatable German-only track answers its English translation (same times), still behind the pot', async ({ page, replica }) => {
    await openWatch(page, 'GermanOnly1');
    const [de] = await baseUrls(page);
    expect(de!.vssId).toBe('.de');
    const withPot = `${de!.baseUrl}&potc=1&pot=${replica.potFor('GermanOnly1')}&fmt=json3&c=WEB`;
    const original = parseCaptions((await get(page, withPot)).body).cues;
    const translated = parseCaptions((await get(page, `${withPot}&tlang=en`)).body).cues;
    expect(translated.map((c) => c.startMs)).toEqual(original.map((c) => c.startMs));
    expect(original[0]!.text).not.toBe(translated[0]!.text);
    expect(translated.map((c) => c.text).join(' ')).toMatch(/large language models/);
    expect((await get(page, `${de!.baseUrl}&fmt=json3&tlang=en`)).body).toBe(''); // the pot still applies
    expect(parseCaptions((await get(page, `${withPot}&tlang=de`)).body).cues[0]!.text).toBe(original[0]!.text);
  });

  test('broken variants: empty, malformed', async ({ page, replica }) => {
    for (const [id, check] of [
      ['PanelOnly01', (b: string) => expect(b).toBe('')],
      ['Malformed01', (b: string) => expect(() => JSON.parse(b)).toThrow()],
    ] as const) {
      await openWatch(page, id);
      const baseUrl = (await baseUrls(page))[0]!.baseUrl;
      const r = await get(page, `${baseUrl}&potc=1&pot=${replica.potFor(id)}&fmt=json3&c=WEB`);
      expect(r.status).toBe(200);
      check(r.body);
    }
  });
});

test.describe('fake movie_player', () => {
  test('API appears after load; CC button makes the player request timedtext with pot and draw captions', async ({ page, replica }) => {
    // Sampled inside the page at DOMContentLoaded, not after goto returns: a busy machine must not turn this into a race.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { __apiAtDcl: string }).__apiAtDcl = typeof (document.querySelector('#movie_player') as unknown as { getPlayerResponse?: unknown } | null)?.getPlayerResponse;
      });
    });
    await page.goto(`${YOUTUBE}/watch?v=${TWO}`);
    expect(await page.evaluate(() => (window as unknown as { __apiAtDcl: string }).__apiAtDcl)).toBe('undefined');
    await openWatch(page, TWO);
    const mark = replica.log.mark();
    expect(await page.evaluate(() => (document.querySelector('#movie_player') as unknown as PlayerEl).getOption('captions', 'tracklist', { includeAsr: true }))).toEqual([]);
    await page.locator('.ytp-subtitles-button').click();
    await expect(page.locator('.ytp-subtitles-button')).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => replica.log.playerTimedtext(mark).length).toBe(1);
    const request = replica.log.playerTimedtext(mark)[0]!;
    expect(request.params.get('pot')).toBe(replica.potFor(TWO));
    expect(request.params.get('fmt')).toBe('json3');
    expect(request.params.get('lang')).toBe('en');
    expect(request.params.get('kind')).toBeNull(); // uploaded English is the default pick
    expect(request.url).toMatch(/&lang=en&potc=1&pot=[^&]+&fmt=json3&xorb=2&xobt=3&xovt=3&cbr=Chrome&cbrver=[^&]+&c=WEB&cver=2\.\d{8}\.\d\d\.\d\d&cplayer=UNIPLAYER&cos=X11&cplatform=DESKTOP$/);
    expect(request.status).toBe(200);
    await page.evaluate(() => {
      (document.querySelector('video') as HTMLVideoElement).currentTime = 1;
    });
    await expect(page.locator('.ytp-caption-window-container .ytp-caption-segment')).toHaveText(/Welcome back to Two Languages/);
    const state = await page.evaluate(() => {
      const p = document.querySelector('#movie_player') as unknown as PlayerEl;
      return { on: p.isSubtitlesOn(), track: p.getOption('captions', 'track'), list: (p.getOption('captions', 'tracklist') as { vss_id: string }[]).map((t) => t.vss_id) };
    });
    expect(state).toMatchObject({ on: true, track: { languageCode: 'en', vss_id: '.en' }, list: ['.en', 'a.en', '.de'] });
    // Switching track through the API requests that track; {} turns captions off.
    const mark2 = replica.log.mark();
    await page.evaluate(() => (document.querySelector('#movie_player') as unknown as PlayerEl).setOption('captions', 'track', { languageCode: 'en', kind: 'asr' }));
    await expect.poll(() => replica.log.playerTimedtext(mark2).map((e) => e.params.get('kind'))).toEqual(['asr']);
    await page.evaluate(() => (document.querySelector('#movie_player') as unknown as PlayerEl).setOption('captions', 'track', {}));
    await expect(page.locator('.ytp-subtitles-button')).toHaveAttribute('aria-pressed', 'false');
    expect(await page.evaluate(() => (document.querySelector('#movie_player') as unknown as PlayerEl).getOption('captions', 'track'))).toEqual({});
  });

  test('getAudioTrack urls gain pot only after captions loaded once; order reversed', async ({ page, replica }) => {
    await openWatch(page, TWO);
    const read = () =>
      page.evaluate(() => (document.querySelector('#movie_player') as unknown as { getAudioTrack(): { captionTracks: { url: string; vssId: string }[] } }).getAudioTrack().captionTracks);
    const before = await read();
    expect(before.map((t) => t.vssId)).toEqual(['.de', 'a.en', '.en']);
    expect(before.every((t) => !t.url.includes('pot='))).toBe(true);
    await page.evaluate(() => (document.querySelector('#movie_player') as unknown as PlayerEl).toggleSubtitles());
    await expect.poll(async () => (await read()).every((t) => t.url.includes(`&pot=${replica.potFor(TWO)}`))).toBe(true);
    const de = (await read())[0]!.url;
    const body = (await get(page, `${de}&fmt=json3`)).body; // the audio-track url + fmt works as is
    expect(parseCaptions(body).cues[0]!.text).toMatch(/^Willkommen/);
  });

  test('captionsOnByDefault: the player fetches captions by itself', async ({ page, replica }) => {
    const mark = replica.log.mark();
    await openWatch(page, 'CcOnDefault');
    await expect.poll(() => replica.log.playerTimedtext(mark).length).toBe(1);
    await expect(page.locator('.ytp-subtitles-button')).toHaveAttribute('aria-pressed', 'true');
  });

  test('ad at start: ad-showing/ad-interrupting, then onAdFinish', async ({ page }) => {
    await openWatch(page, 'AdAtStart01');
    await expect(page.locator('#movie_player')).toHaveClass(/ad-showing/);
    await expect(page.locator('#movie_player')).toHaveClass(/ad-interrupting/);
    const finished = page.evaluate(
      () => new Promise<string>((resolve) => (document.querySelector('#movie_player') as unknown as PlayerEl).addEventListener('onAdFinish', () => resolve('finished'))),
    );
    expect(await finished).toBe('finished');
    await expect(page.locator('#movie_player')).not.toHaveClass(/ad-showing/);
  });

  test('getVideoData and live flag', async ({ page }) => {
    await openWatch(page, 'LiveStream1');
    const data = await page.evaluate(() => (document.querySelector('#movie_player') as unknown as PlayerEl).getVideoData());
    expect(data).toMatchObject({ video_id: 'LiveStream1', isLive: true, isPremiere: false });
  });
});

test.describe('youtubei', () => {
  test('v1/player: clean ANDROID urls (srv3, runs), bot check, no captions; get_transcript 400', async ({ page }) => {
    await openWatch(page, SEED);
    const post = (path: string, videoId: string, clientName = 'ANDROID') =>
      page.evaluate(
        async ([p, v, c]) => {
          const r = await fetch(`/youtubei/v1/${p}?prettyPrint=false`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ videoId: v, context: { client: { clientName: c, clientVersion: '20.10.38' } } }) });
          return { status: r.status, json: (await r.json()) as Record<string, unknown> & { captions?: { playerCaptionsTracklistRenderer: { captionTracks: { baseUrl: string; name: unknown }[] } }; playabilityStatus: { status: string; reason?: string } } };
        },
        [path, videoId, clientName] as const,
      );
    const clean = await post('player', TWO);
    const tracks = clean.json.captions!.playerCaptionsTracklistRenderer.captionTracks;
    expect(tracks).toHaveLength(3);
    for (const t of tracks) {
      expect(t.baseUrl).not.toContain('exp=xpe');
      expect(t.baseUrl).toMatch(/&fmt=srv3$/);
      expect(t.name).toEqual({ runs: [{ text: expect.any(String) }] });
    }
    const srv3 = await get(page, tracks[0]!.baseUrl);
    expect(parseCaptions(srv3.body).format).toBe('srv3');
    const appended = await get(page, `${tracks[0]!.baseUrl}&fmt=json3`);
    expect(parseCaptions(appended.body).format).toBe('srv3'); // first fmt wins: set it, don't append
    const bot = await post('player', 'Unavailabl1');
    expect(bot.json.playabilityStatus).toMatchObject({ status: 'LOGIN_REQUIRED', reason: expect.stringContaining('not a bot') });
    expect(bot.json.captions).toBeUndefined();
    const none = await post('player', 'NoCaptions1');
    expect(none.json.playabilityStatus.status).toBe('OK');
    expect('captions' in none.json).toBe(false);
    expect((await post('get_transcript', SEED, 'WEB')).status).toBe(400);
  });
});

test.describe('SPA navigation', () => {
  test('first-load yt-navigate-finish fires before DOMContentLoaded', async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __events: string[] };
      w.__events = [];
      document.addEventListener('yt-navigate-finish', (e) => w.__events.push(`finish:${document.readyState}:${(e as CustomEvent<{ endpoint: { watchEndpoint: { videoId: string } } }>).detail.endpoint.watchEndpoint.videoId}`));
      document.addEventListener('DOMContentLoaded', () => w.__events.push('DOMContentLoaded'));
    });
    await openWatch(page, SEED);
    expect(await page.evaluate(() => (window as unknown as { __events: string[] }).__events)).toEqual([`finish:loading:${SEED}`, 'DOMContentLoaded']);
  });

  test('clicking a related video: events, swapped <video>, stale ytInitialPlayerResponse, back', async ({ page }) => {
    await openWatch(page, SEED);
    await page.evaluate(() => {
      const w = window as unknown as { __events: string[]; __oldVideo: HTMLVideoElement };
      w.__events = [];
      w.__oldVideo = document.querySelector('video')!;
      for (const type of ['yt-navigate-start', 'yt-navigate-finish', 'yt-page-data-updated', 'yt-player-updated']) {
        window.addEventListener(type, (e) => {
          const d = (e as CustomEvent).detail as { endpoint?: { watchEndpoint?: { videoId: string } }; response?: { playerResponse: { videoDetails: { videoId: string } } } } | HTMLElement;
          const id = d instanceof HTMLElement ? d.id : (d.response?.playerResponse.videoDetails.videoId ?? d.endpoint?.watchEndpoint?.videoId ?? '');
          w.__events.push(`${type}:${id}`);
        });
      }
    });
    await page.locator(`#secondary a#thumbnail[href="/watch?v=${TWO}"]`).click();
    await expect(page).toHaveURL(`${YOUTUBE}/watch?v=${TWO}`);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __events: string[] }).__events)).toEqual([
      `yt-navigate-start:${TWO}`,
      `yt-navigate-finish:${TWO}`,
      'yt-page-data-updated:',
      'yt-player-updated:movie_player',
    ]);
    const after = await page.evaluate(() => ({
      swapped: document.querySelector('video') !== (window as unknown as { __oldVideo: HTMLVideoElement }).__oldVideo,
      flexy: document.querySelector('ytd-watch-flexy')!.getAttribute('video-id'),
      title: document.querySelector('#title h1')!.textContent,
      api: ((document.querySelector('#movie_player') as unknown as PlayerEl).getPlayerResponse() as { videoDetails: { videoId: string } }).videoDetails.videoId,
      stale: (window as unknown as { ytInitialPlayerResponse: { videoDetails: { videoId: string } } }).ytInitialPlayerResponse.videoDetails.videoId,
    }));
    expect(after).toEqual({ swapped: true, flexy: TWO, title: 'Two Languages: How Machines Learn', api: TWO, stale: SEED });
    await page.goBack();
    await expect.poll(() => page.evaluate(() => document.querySelector('ytd-watch-flexy')!.getAttribute('video-id'))).toBe(SEED);
    await navigateSpa(page, 'ShortEp0001');
    await expect(page).toHaveURL(`${YOUTUBE}/watch?v=ShortEp0001`);
    expect(await page.evaluate(() => document.title)).toBe('A Short Clip About AI - YouTube');
  });
});

test.describe('shorts and embed', () => {
  test('shorts page has #shorts-player and a reelWatchEndpoint; embed has no ytd-app and a title link', async ({ page }) => {
    await page.addInitScript(() => {
      document.addEventListener('yt-navigate-finish', (e) => ((window as unknown as { __detail: unknown }).__detail = (e as CustomEvent).detail));
    });
    await openWatch(page, 'ShortEp0001', { kind: 'shorts' });
    expect(await page.evaluate(() => (window as unknown as { __detail: { pageType: string; endpoint: unknown } }).__detail)).toMatchObject({ pageType: 'shorts', endpoint: { reelWatchEndpoint: { videoId: 'ShortEp0001' } } });
    await openWatch(page, 'ShortEp0001', { kind: 'embed' });
    await expect(page.locator('ytd-app')).toHaveCount(0);
    await expect(page.locator('a.ytp-title-link')).toHaveAttribute('href', 'https://www.youtube.com/watch?v=ShortEp0001');
  });
});

test.describe('transcript panel and media', () => {
  test('modern panel: hidden rows from load, opened by Show transcript; classic fills on open', async ({ page }) => {
    await openWatch(page, 'PanelOnly01');
    const modern = page.locator('ytd-engagement-panel-section-list-renderer[target-id="PAmodern_transcript_view"]');
    await expect(modern).toBeHidden();
    await expect(modern.locator('transcript-segment-view-model.ytwTranscriptSegmentViewModelHost')).toHaveCount(160);
    await page.locator('ytd-video-description-transcript-section-renderer button').click();
    await expect(modern).toHaveAttribute('visibility', 'ENGAGEMENT_PANEL_VISIBILITY_EXPANDED');
    await expect(modern).toBeVisible();
    await expect(modern.locator('.ytwTranscriptSegmentViewModelTimestamp').first()).toHaveText('0:00');
    await expect(modern.locator('span.ytAttributedStringHost[role=text]').first()).toHaveText(/^this is the panelonly01 episode/);

    await openWatch(page, 'ClassicPnl1');
    const classic = page.locator('ytd-engagement-panel-section-list-renderer[target-id="engagement-panel-searchable-transcript"]');
    await expect(classic.locator('ytd-transcript-segment-renderer')).toHaveCount(0);
    await classic.evaluate((el) => el.setAttribute('visibility', 'ENGAGEMENT_PANEL_VISIBILITY_EXPANDED'));
    await expect(classic.locator('ytd-transcript-segment-renderer')).toHaveCount(160);
    await expect(classic.locator('.segment-timestamp').last()).toHaveText(/^\d+:\d\d$/);

    await openWatch(page, 'Unavailabl1');
    await expect(page.locator('ytd-engagement-panel-section-list-renderer')).toHaveCount(0);
  });

  test('the <video> is real and seeks to 5000 s (Range requests)', async ({ page, replica }) => {
    await openWatch(page, SEED);
    const result = await page.evaluate(async () => {
      const v = document.querySelector('video')!;
      if (v.readyState < 1) await new Promise((r) => v.addEventListener('loadedmetadata', r, { once: true }));
      const seeked = new Promise((r) => v.addEventListener('seeked', r, { once: true }));
      v.currentTime = 5000;
      await seeked;
      return { t: v.currentTime, duration: v.duration };
    });
    expect(result.t).toBeCloseTo(5000, 0);
    expect(result.duration).toBeGreaterThanOrEqual(8779);
    expect(replica.log.entries.some((e) => e.pathname.startsWith('/replica-media/') && e.status === 206)).toBe(true);
  });
});

test.describe('harness', () => {
  test.use({ loadExtension: true });

  test('requests that would leave the machine are aborted and reported', async ({ page, externalRequests }) => {
    await openWatch(page, SEED);
    const outcome = await page.evaluate(() => fetch('https://example.com/beacon').then(() => 'fetched', () => 'blocked'));
    expect(outcome).toBe('blocked');
    expect(externalRequests).toEqual(['GET https://example.com/beacon']);
    externalRequests.length = 0; // acknowledged, so teardown passes
  });

  test('stopServiceWorkers stops the extension worker (CDP reports it stopped)', async ({ extensionId, serviceWorker, stopServiceWorkers }) => {
    expect(extensionId).toMatch(/^[a-p]{32}$/);
    expect(await (await serviceWorker()).evaluate(() => typeof self)).toBe('object');
    await stopServiceWorkers(); // rejects unless every extension worker reaches runningStatus "stopped"
  });
});
