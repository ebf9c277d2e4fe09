import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseCaptions } from '../../../src/captions/parse-captions';
import type { Cue } from '../../../src/captions/cue';

/**
 * An episode is a data folder `tests/fixtures/episodes/<videoId>/` with `replica.json` beside its caption
 * files. Everything the replica does for a video (watch page, player response, timedtext answers, transcript
 * panel, variants) is derived from this metadata, so a new case is a new folder, never new code.
 */
export interface ReplicaTrackMeta {
  languageCode: string;
  /** `asr` for auto-generated tracks; absent for uploaded captions. */
  kind?: 'asr';
  name: string;
  vssId: string;
  /** Caption body file in the episode folder (any format `parseCaptions` reads; json3 is served verbatim). */
  file: string;
  /**
   * YouTube's machine translation of this track, by target language (`tlang`): a caption file each, served for
   * `…&tlang=<code>` (see inferred/translation.ts). Optional; without it `tlang` serves the original text.
   */
  translations?: Record<string, string>;
}

export interface ReplicaVariants {
  /** Web baseUrls carry `exp=xpe`: without the player's `pot` they answer an empty 200. */
  xpe: boolean;
  /** The player turns captions on by itself when it is ready (so it fetches timedtext unprompted). */
  captionsOnByDefault: boolean;
  /**
   * `POST /youtubei/v1/player` answers LOGIN_REQUIRED ("Sign in to confirm you're not a bot"): `true` for every
   * client, or a list of the client names (`context.client.clientName`) that get it — e.g. `["ANDROID"]` while
   * `ANDROID_VR` still answers clean URLs (FACTS §8).
   */
  botCheck: boolean | string[];
  transcriptPanel: 'modern' | 'classic' | 'none';
  live: boolean;
  /** The player root carries `ad-showing ad-interrupting` for `adSeconds` after load; onAdStart/onAdFinish fire. */
  adAtStart: boolean;
  adSeconds?: number;
  /**
   * `false`: the fake `#movie_player` never attaches its API methods (YouTube renamed them / the player build
   * changed), for the whole page — SPA navigation from such a page keeps a player without an API. Default true.
   */
  playerApi?: boolean;
  /** Chapter starts in seconds (0 first): the progress bar is split into pieces with gaps (inferred/layouts.ts). */
  chapters?: number[];
  /** The player's progress-bar markup on load: classic `.ytp-progress-bar`, or a newer host of FACTS §7. */
  progressBar?: 'classic' | 'line-host' | 'chaptered-host';
  /** Every timedtext answer for this episode is broken, whatever the token. */
  timedtextBroken?: 'empty' | 'html' | 'malformed';
  /** The player response has no `captions` key at all (YouTube's "captions disabled"). Implied by `tracks: []`. */
}

export interface ReplicaEpisodeMeta {
  videoId: string;
  title: string;
  lengthSeconds: number;
  channel: { id: string; name: string };
  description: string;
  tracks: ReplicaTrackMeta[];
  variants: ReplicaVariants;
}

export interface ReplicaTrack extends ReplicaTrackMeta {
  /** The caption file's raw text (json3 bodies are served as-is for fmt=json3). */
  body: string;
  sourceFormat: string;
  cues: Cue[];
  /** The `translations` files, read and parsed. */
  translatedBodies?: Record<string, { body: string; sourceFormat: string; cues: Cue[] }>;
}

export interface ReplicaEpisode extends Omit<ReplicaEpisodeMeta, 'tracks'> {
  tracks: ReplicaTrack[];
}

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

const DEFAULT_VARIANTS: ReplicaVariants = {
  xpe: true,
  captionsOnByDefault: false,
  botCheck: false,
  transcriptPanel: 'modern',
  live: false,
  adAtStart: false,
};

/** Reads and validates every episode folder that has a `replica.json`. Throws with the folder named on bad data. */
export function loadEpisodes(episodesDir: string): Map<string, ReplicaEpisode> {
  const episodes = new Map<string, ReplicaEpisode>();
  for (const entry of readdirSync(episodesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(episodesDir, entry.name);
    const metaPath = join(dir, 'replica.json');
    if (!existsSync(metaPath)) continue;
    const episode = loadEpisode(dir, entry.name, JSON.parse(readFileSync(metaPath, 'utf8')) as unknown);
    episodes.set(episode.videoId, episode);
  }
  return episodes;
}

function loadEpisode(dir: string, folderName: string, raw: unknown): ReplicaEpisode {
  const fail = (why: string): never => {
    throw new Error(`replica episode ${dir}: ${why}`);
  };
  if (typeof raw !== 'object' || raw === null) fail('replica.json is not an object');
  const meta = raw as Partial<ReplicaEpisodeMeta>;
  const videoId = meta.videoId ?? folderName;
  if (!VIDEO_ID.test(videoId)) fail(`videoId "${videoId}" is not 11 characters of [A-Za-z0-9_-]`);
  if (videoId !== folderName) fail(`videoId "${videoId}" does not match the folder name`);
  if (typeof meta.title !== 'string') fail('title missing');
  if (typeof meta.lengthSeconds !== 'number' || meta.lengthSeconds <= 0) fail('lengthSeconds missing');
  if (!Array.isArray(meta.tracks)) fail('tracks must be an array (empty for a video without captions)');
  const tracks = (meta.tracks ?? []).map((t): ReplicaTrack => {
    if (!t.languageCode || !t.name || !t.vssId || !t.file) fail(`track ${JSON.stringify(t)} lacks languageCode/name/vssId/file`);
    if ((t.kind === 'asr') !== t.vssId.startsWith('a.')) fail(`track ${t.vssId}: kind 'asr' and a vssId starting "a." go together`);
    const body = readFileSync(join(dir, t.file), 'utf8');
    const parsed = parseCaptions(body);
    const translatedBodies: NonNullable<ReplicaTrack['translatedBodies']> = {};
    for (const [tlang, file] of Object.entries(t.translations ?? {})) {
      if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/.test(tlang) || typeof file !== 'string') fail(`track ${t.vssId}: bad translation ${tlang}`);
      const translated = readFileSync(join(dir, file), 'utf8');
      const read = parseCaptions(translated);
      translatedBodies[tlang] = { body: translated, sourceFormat: read.format, cues: read.cues };
    }
    return { ...t, body, sourceFormat: parsed.format, cues: parsed.cues, ...(t.translations ? { translatedBodies } : {}) };
  });
  return {
    videoId,
    title: meta.title!,
    lengthSeconds: meta.lengthSeconds!,
    channel: meta.channel ?? { id: 'UCreplicaChannel000000000', name: 'Replica Channel' },
    description: meta.description ?? '',
    tracks,
    variants: { ...DEFAULT_VARIANTS, ...(meta.variants ?? {}) },
  };
}

/** Finds the track a timedtext request names (`lang` + optional `kind=asr`); uploaded tracks have no kind. */
export function findTrack(episode: ReplicaEpisode, lang: string | null, kind: string | null): ReplicaTrack | undefined {
  return episode.tracks.find((t) => t.languageCode === lang && (kind === 'asr' ? t.kind === 'asr' : t.kind !== 'asr'));
}
