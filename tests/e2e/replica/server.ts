import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { dirname, basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { build } from 'esbuild';
import { findTrack, loadEpisodes, type ReplicaEpisode } from './episodes';
import { createSigner } from './signing';
import { botCheckPlayerResponse, playerResponse, type UrlContext } from './player-response';
import { renderCaptions, type TimedtextFormat } from './caption-formats';
import { contentSecurityPolicy } from './inferred/csp';
import { bodyForTlang } from './inferred/translation';
import { embedPageHtml, homePageHtml, shortsPageHtml, watchPageHtml } from './watch-page';
import type { ReplicaPageData } from './page/page-data';
import { createRequestLog, type LoggedRequest, type RequestLog } from './request-log';

export interface ReplicaOptions {
  episodesDir: string;
  /** More episode folders (e.g. generated at test time under tests/e2e/.cache/, too big to commit). */
  extraEpisodesDirs?: readonly string[];
  /** The silent WAV made by tests/e2e/global-setup.ts (served at /replica-media/<name> with Range/206). */
  mediaFile: string;
  /** Origin written into caption baseUrls: https://www.youtube.com (harness) or the replica's own (dev). */
  publicOrigin?: string;
  port?: number;
  /** Stall before the empty 200 of an `exp=xpe` request without a valid pot (YouTube stalls up to ~8 s). */
  xpeStallMs?: number;
  /** Open-ended media ranges are answered in chunks of this size, so a proxy never buffers the whole file. */
  mediaChunkBytes?: number;
}

export interface Replica {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  log: RequestLog;
  episodes: ReadonlyMap<string, ReplicaEpisode>;
  /** The player's token for a video (what a valid player timedtext request carries). */
  potFor(videoId: string): string;
  /** Changes the runtime knobs (e.g. `xpeStallMs`) for the following requests. */
  configure(options: Pick<ReplicaOptions, 'xpeStallMs'>): void;
  close(): Promise<void>;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const MEDIA_PREFIX = '/replica-media/';

async function bundlePageScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(HERE, 'page', 'app.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('replica: page script bundle is empty');
  return file.text;
}

export async function startReplica(options: ReplicaOptions): Promise<Replica> {
  const episodes = loadEpisodes(options.episodesDir);
  for (const dir of options.extraEpisodesDirs ?? []) for (const [id, episode] of loadEpisodes(dir)) episodes.set(id, episode);
  const signer = createSigner(`replica-secret-${randomBytes(8).toString('hex')}`);
  const log = createRequestLog();
  let xpeStallMs = options.xpeStallMs ?? 150;
  const chunk = options.mediaChunkBytes ?? 512 * 1024;
  const appJs = await bundlePageScript();
  const mediaName = basename(options.mediaFile);
  statSync(options.mediaFile); // fail early with ENOENT naming the file if global setup has not run
  const media = sirv(dirname(options.mediaFile), { dev: true, etag: false });
  const ctx: UrlContext = { origin: options.publicOrigin ?? 'https://www.youtube.com', signer, expire: Math.floor(Date.now() / 1000) + 6 * 3600 };

  const pageData = (episode: ReplicaEpisode, pageType: ReplicaPageData['pageType']): ReplicaPageData => {
    const uploaded = episode.tracks.findIndex((t) => t.kind !== 'asr');
    return {
      pageType,
      videoId: episode.videoId,
      title: episode.title,
      channelName: episode.channel.name,
      description: episode.description,
      lengthSeconds: episode.lengthSeconds,
      variants: {
        xpe: episode.variants.xpe,
        captionsOnByDefault: episode.variants.captionsOnByDefault,
        transcriptPanel: episode.variants.transcriptPanel,
        live: episode.variants.live,
        adAtStart: episode.variants.adAtStart,
        adSeconds: episode.variants.adSeconds ?? 3,
        playerApi: episode.variants.playerApi !== false,
        chapters: episode.variants.chapters ?? [],
        progressBar: episode.variants.progressBar ?? 'classic',
      },
      playerResponse: playerResponse(episode, ctx, 'WEB') as ReplicaPageData['playerResponse'],
      panelTracks: episode.tracks.map((t) => ({ name: t.name, segments: t.cues.map((c) => ({ startMs: c.startMs, text: c.text })) })),
      panelDefaultTrack: Math.max(0, uploaded),
      related: [...episodes.values()].filter((e) => e.videoId !== episode.videoId).map((e) => ({ videoId: e.videoId, title: e.title })),
      mediaUrl: `${MEDIA_PREFIX}${mediaName}`,
    };
  };

  const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'cache-control': 'no-cache, no-store', ...headers });
    res.end(body);
  };
  const sendHtml = (res: ServerResponse, status: number, render: (nonce: string) => string) => {
    const nonce = randomBytes(16).toString('base64url');
    send(res, status, render(nonce), {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': contentSecurityPolicy(nonce),
      'x-frame-options': 'SAMEORIGIN',
    });
  };
  const sendJson = (res: ServerResponse, status: number, value: unknown) => send(res, status, JSON.stringify(value), { 'content-type': 'application/json; charset=UTF-8' });
  const notFound = (res: ServerResponse) => sendHtml(res, 404, () => '<!DOCTYPE html><title>404 Not Found</title><p>This page isn\u2019t available.</p>');

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
      req.on('error', reject);
    });

  const timedtext = async (url: URL, res: ServerResponse) => {
    const params = url.searchParams;
    const episode = episodes.get(params.get('v') ?? '');
    if (!episode) return send(res, 200, '', { 'content-type': 'text/html; charset=UTF-8' });
    if (!signer.verify(params) || Number(params.get('expire')) * 1000 < Date.now()) return send(res, 403, '', { 'content-type': 'text/html; charset=UTF-8' });
    const track = findTrack(episode, params.get('lang'), params.get('kind'));
    if (!track) return send(res, 200, '', { 'content-type': 'text/html; charset=UTF-8' });
    const gated = (params.get('exp') ?? '').includes('xpe');
    if (gated && !(signer.verifyPot(episode.videoId, params.get('pot')) && params.get('c') === 'WEB')) {
      if (xpeStallMs > 0) await new Promise((r) => setTimeout(r, xpeStallMs));
      return send(res, 200, '', { 'content-type': 'text/html; charset=UTF-8' });
    }
    const requested = params.get('fmt'); // the FIRST fmt (see inferred/player-api.ts)
    const fmt: TimedtextFormat = requested === 'json3' || requested === 'srv3' || requested === 'vtt' ? requested : 'srv1';
    const served = bodyForTlang(track, params.get('tlang')); // auto-translate (inferred/translation.ts)
    const rendered = renderCaptions({ cues: served.cues, asr: track.kind === 'asr', languageCode: served.languageCode, json3Body: served.json3Body }, fmt);
    switch (episode.variants.timedtextBroken) {
      case 'empty':
        return send(res, 200, '', { 'content-type': 'text/html; charset=UTF-8' });
      case 'html':
        return send(res, 200, ERROR_PAGE, { 'content-type': 'text/html; charset=UTF-8' });
      case 'malformed':
        return send(res, 200, rendered.body.slice(0, Math.floor(rendered.body.length * 0.6)), { 'content-type': rendered.contentType });
      default:
        return send(res, 200, rendered.body, { 'content-type': rendered.contentType });
    }
  };

  const innertubePlayer = async (req: IncomingMessage, res: ServerResponse, entry: LoggedRequest) => {
    let body: { videoId?: unknown; context?: { client?: { clientName?: unknown } } };
    try {
      body = JSON.parse(await readBody(req)) as typeof body;
    } catch {
      return sendJson(res, 400, { error: { code: 400, message: 'Invalid JSON payload received.', status: 'INVALID_ARGUMENT' } });
    }
    const episode = episodes.get(typeof body.videoId === 'string' ? body.videoId : '');
    if (!episode) return sendJson(res, 200, { playabilityStatus: { status: 'ERROR', reason: 'This video is unavailable' } });
    const client = String(body.context?.client?.clientName ?? 'WEB');
    entry.client = client;
    // The answer depends on the client name (FACTS §8: ANDROID bot-checked while ANDROID_VR still answers).
    const botCheck = episode.variants.botCheck;
    if (botCheck === true || (Array.isArray(botCheck) && botCheck.includes(client))) return sendJson(res, 200, botCheckPlayerResponse());
    return sendJson(res, 200, playerResponse(episode, ctx, /^M?WEB/.test(client) ? 'WEB' : 'ANDROID'));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, entry: LoggedRequest) => {
    const url = new URL(req.url ?? '/', 'http://replica.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (path.startsWith(MEDIA_PREFIX)) {
      if (path !== `${MEDIA_PREFIX}${mediaName}`) return notFound(res);
      const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
      if (range) req.headers.range = `bytes=${range[1]}-${Number(range[1]) + chunk - 1}`;
      req.url = `/${mediaName}`;
      return media(req, res, () => notFound(res));
    }
    if (method === 'POST' && path === '/youtubei/v1/player') return innertubePlayer(req, res, entry);
    if (method === 'POST' && path === '/youtubei/v1/get_transcript')
      return sendJson(res, 400, { error: { code: 400, message: 'Precondition check failed.', errors: [{ message: 'Precondition check failed.', domain: 'global', reason: 'failedPrecondition' }], status: 'FAILED_PRECONDITION' } });
    if (method !== 'GET' && method !== 'HEAD') return send(res, 405, '');
    if (path === '/api/timedtext') return timedtext(url, res);
    if (path === '/replica-static/app.js') return send(res, 200, appJs, { 'content-type': 'text/javascript; charset=utf-8' });
    if (path === '/replica-internal/pot') return send(res, 200, signer.potFor(url.searchParams.get('v') ?? ''), { 'content-type': 'text/plain' });
    if (path === '/replica-api/page') {
      const episode = episodes.get(url.searchParams.get('v') ?? '');
      if (!episode) return sendJson(res, 404, { error: 'unknown video' });
      const type = url.searchParams.get('type') === 'shorts' ? 'shorts' : 'watch';
      return sendJson(res, 200, pageData(episode, type));
    }
    if (path === '/') return sendHtml(res, 200, (n) => homePageHtml(n, [...episodes.values()].map((e) => ({ videoId: e.videoId, title: e.title }))));
    if (path === '/watch') {
      const episode = episodes.get(url.searchParams.get('v') ?? '');
      return episode ? sendHtml(res, 200, (n) => watchPageHtml(n, pageData(episode, 'watch'))) : notFound(res);
    }
    const shorts = /^\/(shorts|embed)\/([A-Za-z0-9_-]{11})$/.exec(path);
    const episode = shorts ? episodes.get(shorts[2]!) : undefined;
    if (shorts && episode) return sendHtml(res, 200, (n) => (shorts[1] === 'shorts' ? shortsPageHtml(n, pageData(episode, 'shorts')) : embedPageHtml(n, pageData(episode, 'embed'))));
    return notFound(res);
  };

  const server = createServer((req, res) => {
    const entry = log.record(req, ctx.origin);
    res.on('finish', () => log.complete(entry, res.statusCode, Number(res.getHeader('content-length') ?? -1)));
    handle(req, res, entry).catch((error: unknown) => {
      console.error('replica: request failed', req.url, error);
      if (!res.headersSent) send(res, 500, String(error));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    episodes,
    potFor: (videoId) => signer.potFor(videoId),
    configure: (o) => {
      if (o.xpeStallMs !== undefined) xpeStallMs = o.xpeStallMs;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/** Roughly Google's generic error page: what a body-sniffing client must not mistake for captions. */
const ERROR_PAGE =
  '<!DOCTYPE html><html lang=en><meta charset=utf-8><title>Error 500 (Server Error)!!1</title><p><b>500.</b> <ins>That\u2019s an error.</ins><p>There was an error. Please try again later. <ins>That\u2019s all we know.</ins>';
