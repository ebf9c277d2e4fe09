/**
 * Index of the `}` that closes the `{` at `open` in a JSON object literal embedded in page text, or -1.
 * Braces inside strings (and escaped quotes) are skipped; linear in the text, no regex. Used to cut page
 * data (`ytInitialPlayerResponse = {…}`, `ytcfg.set({…})`) out of inline script text before JSON.parse.
 */
export function matchingBrace(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */) depth++;
    else if (c === 0x7d /* } */ && --depth === 0) return i;
  }
  return -1;
}
