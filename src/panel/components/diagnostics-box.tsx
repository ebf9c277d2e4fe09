/**
 * "Which part of the page was not found", one sentence each, and "Copy diagnostics" for a bug report. After a
 * copy, the copied text is shown too (so the user sees exactly what leaves with the report, and can select it by
 * hand when the clipboard refuses). The text is built elsewhere from enumerations only (youtube-page/diagnostics.ts).
 */
import { useState } from 'preact/hooks';
import { missingSentence, type MissingPart } from '../../youtube-page/diagnostics';

export interface DiagnosticsBoxProps {
  missing: readonly MissingPart[];
  onCopy(): Promise<{ text: string; copied: boolean }>;
}

export function DiagnosticsBox({ missing, onCopy }: DiagnosticsBoxProps) {
  const [result, setResult] = useState<{ text: string; copied: boolean } | null>(null);
  return (
    <div class="diagnostics" data-diagnostics="">
      {missing.map((part) => (
        <p key={part} class="missing" data-missing={part}>
          {missingSentence(part)}
        </p>
      ))}
      <button type="button" class="button" data-action="copy-diagnostics" onClick={() => void onCopy().then(setResult)}>
        Copy diagnostics
      </button>
      {result ? (
        <>
          <p class="copy-result" role="status">
            {result.copied ? 'Copied. Paste it into a bug report: it holds no address, title or text from the page.' : 'Could not reach the clipboard: select the text below and copy it.'}
          </p>
          <pre class="diagnostics-text">{result.text}</pre>
        </>
      ) : null}
    </div>
  );
}
