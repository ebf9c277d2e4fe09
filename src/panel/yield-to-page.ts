/**
 * A turn of the page's event loop, for work split across tasks on the watch page (the upload of a caption body, the
 * drawer drawing pages of cues): scheduler.yield() where the browser has it (keeps our place in line), else a 0 ms
 * timeout.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
