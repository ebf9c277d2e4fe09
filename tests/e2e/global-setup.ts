import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loadEpisodes } from './replica/episodes';
import { ensureSilenceWav } from './replica/media';

const HERE = dirname(fileURLToPath(import.meta.url));
export const EPISODES_DIR = join(HERE, '..', 'fixtures', 'episodes');
export const MEDIA_FILE = join(HERE, '.cache', 'silence.wav');

/** Makes the replica's seekable media once (long enough for the longest episode plus a minute). */
export default function globalSetup(): void {
  const longest = Math.max(60, ...[...loadEpisodes(EPISODES_DIR).values()].map((e) => e.lengthSeconds));
  ensureSilenceWav(MEDIA_FILE, longest + 60);
}
