import { startMainWorld, type MainWorldWindow } from '../src/main-world/start-main-world';

// Page-world helper: at document_start, before YouTube's scripts, so the player's own caption requests are seen.
export default defineContentScript({
  matches: ['https://www.youtube.com/*'],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    startMainWorld(window as unknown as MainWorldWindow);
  },
});
