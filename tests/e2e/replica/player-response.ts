import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReplicaEpisode, ReplicaTrack } from './episodes';
import type { Signer } from './signing';

/**
 * Player responses shaped like the real ones (th-ch src/types/get-player-response.ts; the MIT fixtures in
 * /work/shared/fixtures/youtube): the WEB page's `ytInitialPlayerResponse` lists `exp=xpe` baseUrls with
 * `name.simpleText`; the ANDROID `youtubei/v1/player` answer lists clean baseUrls ending `&fmt=srv3` with
 * `name.runs`. A video without captions has no `captions` key at all.
 */
export interface UrlContext {
  /** Where caption URLs point: https://www.youtube.com under the harness, the replica's own origin in `npm run replica`. */
  origin: string;
  signer: Signer;
  /** Epoch seconds written into `expire` (signed). */
  expire: number;
}

export type ClientFlavour = 'WEB' | 'ANDROID';

/** Deterministic per-video event id, shaped like YouTube's 22-char `ei`. */
export function eventIdFor(videoId: string): string {
  return Buffer.from(`replica-${videoId}-ei`).toString('base64url').slice(0, 22);
}

export function captionBaseUrl(episode: ReplicaEpisode, track: ReplicaTrack, ctx: UrlContext, flavour: ClientFlavour): string {
  const xpe = flavour === 'WEB' && episode.variants.xpe;
  const p = new URLSearchParams();
  p.set('v', episode.videoId);
  p.set('ei', eventIdFor(episode.videoId));
  p.set('caps', 'asr');
  p.set('opi', '112496729');
  if (xpe) p.set('exp', 'xpe');
  p.set('xoaf', '5');
  if (flavour === 'WEB') p.set('xowf', '1');
  p.set('hl', 'en');
  p.set('ip', '0.0.0.0');
  p.set('ipbits', '0');
  p.set('expire', String(ctx.expire));
  p.set('sparams', xpe ? 'ip,ipbits,expire,v,ei,caps,opi,exp,xoaf' : 'ip,ipbits,expire,v,ei,caps,opi,xoaf');
  if (track.kind === 'asr') p.set('kind', 'asr');
  p.set('lang', track.languageCode);
  const signature = ctx.signer.sign(p);
  // Real order: …sparams, signature, key, [kind], lang (and `&fmt=srv3` on ANDROID).
  const ordered = new URLSearchParams();
  for (const name of ['v', 'ei', 'caps', 'opi', 'exp', 'xoaf', 'xowf', 'hl', 'ip', 'ipbits', 'expire', 'sparams']) {
    const value = p.get(name);
    if (value !== null) ordered.set(name, value);
  }
  ordered.set('signature', signature);
  ordered.set('key', 'yt8');
  if (track.kind === 'asr') ordered.set('kind', 'asr');
  ordered.set('lang', track.languageCode);
  if (flavour === 'ANDROID') ordered.set('fmt', 'srv3');
  // URLSearchParams encodes ',' as %2C; YouTube leaves sparams commas bare.
  return `${ctx.origin}/api/timedtext?${ordered.toString().replace(/%2C/g, ',')}`;
}

export function playerResponse(episode: ReplicaEpisode, ctx: UrlContext, flavour: ClientFlavour): Record<string, unknown> {
  const { videoId, title, lengthSeconds, channel, variants } = episode;
  const response: Record<string, unknown> = {
    responseContext: {
      serviceTrackingParams: [{ service: 'CSI', params: [{ key: 'c', value: flavour }, { key: 'cver', value: flavour === 'WEB' ? WEB_CLIENT_VERSION : '20.10.38' }] }],
    },
    playabilityStatus: { status: 'OK', playableInEmbed: true, contextParams: 'Q0FFU0FnZ0I=' },
    streamingData: { expiresInSeconds: '21540', formats: [], adaptiveFormats: [] },
  };
  if (episode.tracks.length > 0) {
    response.captions = {
      playerCaptionsTracklistRenderer: {
        captionTracks: episode.tracks.map((t) => ({
          baseUrl: captionBaseUrl(episode, t, ctx, flavour),
          name: flavour === 'WEB' ? { simpleText: t.name } : { runs: [{ text: t.name }] },
          vssId: t.vssId,
          languageCode: t.languageCode,
          ...(t.kind ? { kind: t.kind } : {}),
          isTranslatable: true,
          trackName: '',
        })),
        audioTracks: [{ captionTrackIndices: episode.tracks.map((_, i) => i) }],
        translationLanguages: TRANSLATION_LANGUAGES.map(([languageCode, name]) => ({
          languageCode,
          languageName: flavour === 'WEB' ? { simpleText: name } : { runs: [{ text: name }] },
        })),
        defaultAudioTrackIndex: 0,
      },
    };
  }
  response.videoDetails = {
    videoId,
    title,
    lengthSeconds: String(lengthSeconds),
    channelId: channel.id,
    isOwnerViewing: false,
    shortDescription: episode.description,
    isCrawlable: true,
    allowRatings: true,
    viewCount: '12345',
    author: channel.name,
    isPrivate: false,
    isUnpluggedCorpus: false,
    isLiveContent: variants.live,
    ...(variants.live ? { isLive: true } : {}),
  };
  response.trackingParams = 'CAAQu2kiEwjReplica';
  return response;
}

/** The ANDROID client's bot check: the real captured body (tests/fixtures/youtube, MIT, see tests/fixtures/SOURCES.md). */
export function botCheckPlayerResponse(): Record<string, unknown> {
  return JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/youtube/player_android_2025-06_login-required-bot-check.json', import.meta.url)), 'utf8')) as Record<string, unknown>;
}

export const WEB_CLIENT_VERSION = '2.20261120.01.00';
export const INNERTUBE_API_KEY = 'AIzaSyReplicaKeyNotARealKey00000000000';

const TRANSLATION_LANGUAGES: [string, string][] = [
  ['en', 'English'],
  ['de', 'German'],
  ['fr', 'French'],
  ['es', 'Spanish'],
  ['ja', 'Japanese'],
];
