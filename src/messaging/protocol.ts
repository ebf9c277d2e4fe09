/**
 * The one message protocol between the extension's contexts, as schemas: every message's args AND its answer.
 * Direction is in the name:
 *   cs-bg  content script to background      ui-bg  popup/options to background
 *   bg-cs  background to a tab's content script   ui-cs  popup to the active tab's content script
 * The types are inferred from the schemas (`MessageArgs<K>`, `MessageAnswer<K>`), so a rule lives in one place.
 * Args are checked on arrival and before sending; answers are checked by the sender on arrival (validate-message.ts).
 *
 * Every message the watch-page content script sends or receives is defined in content-script-protocol.ts (that
 * script imports only that half); PROTOCOL takes those entries as they are and adds the answers the content script
 * never checks (the tab messages' answers, checked by their senders) and the `ui-bg:*` messages.
 *
 * CONTRACT (fixed names and shapes; implementation lives in src/background and src/content). How to add a message:
 * see README.md.
 */
import * as v from 'valibot';
import { TrackRefSchema } from '../captions/caption-track';
import { PerspectiveMapSchema } from '../scoring/perspective-map';
import { VideoIdSchema } from '../schema/video-id';
import { DiagnosticsSchema, MISSING_PARTS } from '../youtube-page/diagnostics-schema';
import { CONTENT_SCRIPT_PROTOCOL, CountSchema, NoAnswerSchema, NoArgsSchema, type MessageSchemas } from './content-script-protocol';

export {
  MAX_BODY_CHARS,
  MAX_CHUNK_CHARS,
  MAX_TRANSCRIPT_PAGE_CUES,
  MAX_UPLOAD_CHUNKS,
  MapOriginSchema,
  MessageErrorCodeSchema,
  NoAnswerSchema,
  NoArgsSchema,
} from './content-script-protocol';
export type {
  LookupArgs,
  MapAnswer,
  MapOrigin,
  MessageErrorCode,
  Result,
  ScoreRequest,
  ScoreTarget,
  TranscriptArgs,
  TranscriptCue,
  TranscriptMark,
  TranscriptPage,
  UploadChunkArgs,
} from './content-script-protocol';

const CS = CONTENT_SCRIPT_PROTOCOL;

export const PROTOCOL = {
  ...CS,
  'bg-cs:progress': { ...CS['bg-cs:progress'], answer: NoAnswerSchema },
  /** Drop every cached map and cue set. */
  'ui-bg:clearCache': { args: NoArgsSchema, answer: v.object({ cleared: CountSchema }) },
  /** Cache statistics for the popup/options. */
  'ui-bg:cacheStats': { args: NoArgsSchema, answer: v.object({ episodes: CountSchema, bytes: CountSchema }) },
  /**
   * Brings the episode library up to date before the library page reads it: fills it from the cache once, and
   * re-scores entries of older scorer versions from cached cues where there are any.
   */
  'ui-bg:refreshLibrary': {
    args: NoArgsSchema,
    answer: v.object({ backfilled: CountSchema, rescored: CountSchema, outdated: CountSchema }),
  },
  /** The active tab's current panel state and headline, for the popup. */
  'ui-cs:summary': {
    ...CS['ui-cs:summary'],
    answer: v.object({
      videoId: v.nullable(VideoIdSchema),
      state: v.pipe(v.string(), v.maxLength(64)),
      map: v.nullable(PerspectiveMapSchema),
      track: v.nullable(TrackRefSchema),
      /** The sentence the panel shows for a non-map state (same wording in the popup). */
      message: v.optional(v.pipe(v.string(), v.maxLength(2_000))),
      /** Parts of the page not found (the panel's place, the progress bar) or of the pipeline (captions). */
      missing: v.optional(v.array(v.picklist(MISSING_PARTS))),
      /** The diagnostics record for a bug report: enumerations only, no URL, title or page text. */
      diagnostics: v.optional(DiagnosticsSchema),
    }),
  },
  /** Re-run the active tab's session (re-acquire + re-score, bypassing the map cache). */
  'ui-cs:rescore': { ...CS['ui-cs:rescore'], answer: NoAnswerSchema },
} as const satisfies Record<string, Required<MessageSchemas>>;

export type MessageType = keyof typeof PROTOCOL;
export type MessageArgs<K extends MessageType> = v.InferOutput<(typeof PROTOCOL)[K]['args']>;
export type MessageAnswer<K extends MessageType> = v.InferOutput<(typeof PROTOCOL)[K]['answer']>;
