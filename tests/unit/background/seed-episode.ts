import { readFileSync } from 'node:fs';
import type { TrackRef } from '../../../src/captions/caption-track';

/** The seed episode (tests/fixtures/episodes/4WNWeUQ7Hfc): its real ASR json3 body, and a shorter real slice of it. */
const dir = new URL('../../fixtures/episodes/4WNWeUQ7Hfc/', import.meta.url);

export const SEED_VIDEO_ID = '4WNWeUQ7Hfc';
export const SEED_TRACK: TrackRef = JSON.parse(readFileSync(new URL('episode.json', dir), 'utf8')).track;
export const SEED_BODY = readFileSync(new URL('captions.asr.json3', dir), 'utf8');

/** The first `events` events of the seed body (≈ events / 2 caption segments): real text, quick to score. */
export function seedPrefix(events: number): string {
  const root = JSON.parse(SEED_BODY) as { events: unknown[] };
  return JSON.stringify({ ...root, events: root.events.slice(0, events) });
}
