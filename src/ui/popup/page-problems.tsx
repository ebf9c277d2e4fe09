/**
 * The popup's word on a page the panel could not handle: which part was not found (the panel's place, the progress
 * bar, the captions) and "Copy diagnostics" — the text built from the tab's diagnostics record, which has no field
 * for a URL, a title or page text (src/youtube-page/diagnostics.ts). Shown above all when there is no panel.
 */
import { useState } from 'preact/hooks';
import { missingSentence } from '../../youtube-page/diagnostics';
import { diagnosticsText } from '../../youtube-page/diagnostics-schema';
import type { PageProblems as Problems } from '../shared/tab-summary';

export default function PageProblems({ problems, copyText }: { problems: Problems; copyText?: (text: string) => Promise<boolean> }) {
  const [shown, setShown] = useState<{ text: string; copied: boolean } | null>(null);
  const record = problems.diagnostics;
  const copy = async () => {
    if (!record) return;
    const text = diagnosticsText(record);
    setShown({ text, copied: copyText ? await copyText(text) : false });
  };
  return (
    <section class="page-problems" aria-label="What was not found" data-diagnostics="">
      {problems.missing.map((part) => (
        <p key={part} class="small" data-missing={part}>
          {missingSentence(part)}
        </p>
      ))}
      {record ? (
        <button type="button" data-action="copy-diagnostics" onClick={() => void copy()}>
          Copy diagnostics
        </button>
      ) : null}
      {shown ? (
        <>
          <p class="small" role="status">
            {shown.copied ? 'Copied. Paste it into a bug report: it holds no address, title or text from the page.' : 'Could not reach the clipboard: select the text below and copy it.'}
          </p>
          <pre class="diagnostics-text small">{shown.text}</pre>
        </>
      ) : null}
    </section>
  );
}
