/**
 * True when normalizeCueText(text) would return `text` unchanged: no whitespace but single inner spaces.
 * Checked char by char so the usual case (ASR word segs joined: "hello everybody in this") skips the regex
 * replace and trim and their copies. The whitespace set is exactly JavaScript's `\s`.
 */
export function isNormalCueText(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (i === 0 || i === last || text.charCodeAt(i + 1) === 32) return false;
    } else if (code <= 32 ? code >= 9 && code <= 13 : code >= 0xa0 && isOtherSpace(code)) return false;
  }
  return true;
}

/** `\s` above U+007F: NBSP, Ogham space, U+2000–U+200A, line/paragraph separators, narrow NBSP, math space, ideographic space, BOM. */
function isOtherSpace(code: number): boolean {
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}
