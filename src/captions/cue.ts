import * as v from 'valibot';

const MsSchema = v.pipe(v.number(), v.finite());

/** One caption segment as the rest of the product sees it: text with its time span. */
export const CueSchema = v.object({ startMs: MsSchema, endMs: MsSchema, text: v.string() });
export type Cue = v.InferOutput<typeof CueSchema>;

export const CaptionFormatSchema = v.picklist(['json3', 'srv3', 'srv2', 'srv1', 'vtt', 'text']);
export type CaptionFormat = v.InferOutput<typeof CaptionFormatSchema>;

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
