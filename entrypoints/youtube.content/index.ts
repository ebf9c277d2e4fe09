import { startWatchPage } from '../../src/content/start-watch-page';

// Isolated world at document_start: its bridge handshake is queued before any page script can forge one.
export default defineContentScript({
  matches: ['https://www.youtube.com/*'],
  runAt: 'document_start',
  main(ctx) {
    startWatchPage(ctx);
  },
});
