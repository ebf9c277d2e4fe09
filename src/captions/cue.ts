/** One caption segment as the rest of the product sees it: text with its time span. */
export interface Cue {
  startMs: number;
  endMs: number;
  text: string;
}

export type CaptionFormat = 'json3' | 'srv3' | 'srv2' | 'srv1' | 'vtt' | 'text';

/** What a parser hands on: the cues in transcript order and the format it recognised. */
export interface ParsedCaptions {
  format: CaptionFormat;
  cues: Cue[];
}

/** A body that looks like a caption format but does not parse, or is empty. */
export class CaptionParseError extends Error {
  override name = 'CaptionParseError';
  constructor(
    message: string,
    readonly format?: CaptionFormat,
  ) {
    super(message);
  }
}
