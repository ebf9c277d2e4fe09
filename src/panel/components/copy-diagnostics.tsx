/**
 * "Copy diagnostics" and what came of it — one component for the panel's diagnostics box (diagnostics-box.tsx) and
 * the popup (src/ui/popup/page-problems.tsx). After a copy, the copied text is shown too, so the user sees exactly
 * what leaves with a bug report and can select it by hand when the clipboard refuses. The text is built on click
 * (the page as it is then) from a record of enumerations only (src/youtube-page/diagnostics.ts).
 */
import { useState } from 'preact/hooks';

export const COPIED_SENTENCE = 'Copied. Paste it into a bug report: it holds no address, title or text from the page.';
export const NOT_COPIED_SENTENCE = 'Could not reach the clipboard: select the text below and copy it.';

export interface CopyDiagnosticsProps {
  /** The text to copy, built when the button is pressed. */
  text(): string;
  /** Puts the text on the clipboard: false when the clipboard refused. */
  copyText(text: string): Promise<boolean>;
  /** The button's class (the panel's `button`). */
  buttonClass?: string;
  /** A class added to the result's sentence and text (the popup's `small`). */
  resultClass?: string;
}

export function CopyDiagnostics({ text, copyText, buttonClass, resultClass }: CopyDiagnosticsProps) {
  const [result, setResult] = useState<{ text: string; copied: boolean } | null>(null);
  const copy = async () => {
    const copied = text();
    setResult({ text: copied, copied: await copyText(copied) });
  };
  const extra = resultClass ? ` ${resultClass}` : '';
  return (
    <>
      <button type="button" class={buttonClass} data-action="copy-diagnostics" onClick={() => void copy()}>
        Copy diagnostics
      </button>
      {result ? (
        <>
          <p class={`copy-result${extra}`} role="status">
            {result.copied ? COPIED_SENTENCE : NOT_COPIED_SENTENCE}
          </p>
          <pre class={`diagnostics-text${extra}`}>{result.text}</pre>
        </>
      ) : null}
    </>
  );
}
