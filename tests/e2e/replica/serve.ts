/**
 * `npm run replica`: the replica on a fixed port for development in a normal browser. Caption baseUrls point at
 * the replica itself here (under the test harness they read https://www.youtube.com and are routed back).
 */
import { join } from 'node:path';
import globalSetup, { EPISODES_DIR, MEDIA_FILE } from '../global-setup';
import { startReplica } from './server';

const port = Number(process.env.REPLICA_PORT ?? 8787);
globalSetup();
const replica = await startReplica({ episodesDir: EPISODES_DIR, mediaFile: MEDIA_FILE, port, publicOrigin: `http://127.0.0.1:${port}` });
console.log(`YouTube replica on ${replica.url}  (REPLICA_PORT to change)`);
console.log(`  home:  ${replica.url}/`);
for (const id of replica.episodes.keys()) console.log(`  watch: ${replica.url}/watch?v=${id}`);
console.log(`Media: ${join(MEDIA_FILE)}. Ctrl-C to stop.`);
const stop = () => void replica.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
