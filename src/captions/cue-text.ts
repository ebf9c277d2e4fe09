/**
 * The one rule for a cue's text, shared by every parser so the same speech gives the same text whatever
 * the format: line breaks become spaces, runs of whitespace collapse to one space, ends are trimmed.
 * `\s` covers NBSP and the other Unicode spaces YouTube uses for padding lines.
 */
export function normalizeCueText(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}
