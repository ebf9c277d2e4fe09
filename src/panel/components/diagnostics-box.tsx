/**
 * "Which part of the page was not found", one sentence each, and "Copy diagnostics" for a bug report (the copied
 * text is shown too: copy-diagnostics.tsx). The text is built here, on click, from the session's record of
 * enumerations only (src/youtube-page/diagnostics.ts).
 *
 * Not in the content script: built apart as `diagnostics-box.js` (build/lazy-chunks.ts) and loaded when the panel
 * first has something to report (load-chunks.ts); the panel draws `[data-diagnostics]` around it meanwhile. Its
 * styles come with it.
 */
import { formatDiagnostics, missingSentence, type Diagnostics, type MissingPart } from '../../youtube-page/diagnostics';
import { CopyDiagnostics } from './copy-diagnostics';
import css from './diagnostics-box.css?inline';

export interface DiagnosticsBoxProps {
  missing: readonly MissingPart[];
  /** The diagnostics record of the page as it is now (null: none to give; an empty text is copied). */
  record(): Diagnostics | null;
  /** Puts the text on the clipboard: false when the clipboard refused. */
  copyText(text: string): Promise<boolean>;
}

export function DiagnosticsBox({ missing, record, copyText }: DiagnosticsBoxProps) {
  return (
    <>
      <style>{css}</style>
      {missing.map((part) => (
        <p key={part} class="missing" data-missing={part}>
          {missingSentence(part)}
        </p>
      ))}
      <CopyDiagnostics
        text={() => {
          const now = record();
          return now ? formatDiagnostics(now) : '';
        }}
        copyText={copyText}
        buttonClass="button"
      />
    </>
  );
}
