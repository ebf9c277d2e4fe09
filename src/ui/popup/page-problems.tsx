/**
 * The popup's word on a page the panel could not handle: which part was not found (the panel's place, the progress
 * bar, the captions) and "Copy diagnostics" — the text built from the tab's diagnostics record, which has no field
 * for a URL, a title or page text (src/youtube-page/diagnostics.ts). Shown above all when there is no panel. The
 * button and its result are the panel's own (copy-diagnostics.tsx).
 */
import { CopyDiagnostics } from '../../panel/components/copy-diagnostics';
import { missingSentence } from '../../youtube-page/diagnostics';
import { diagnosticsText } from '../../youtube-page/diagnostics-schema';
import type { PageProblems as Problems } from '../shared/tab-summary';

export default function PageProblems({ problems, copyText }: { problems: Problems; copyText?: (text: string) => Promise<boolean> }) {
  const record = problems.diagnostics;
  return (
    <section class="page-problems" aria-label="What was not found" data-diagnostics="">
      {problems.missing.map((part) => (
        <p key={part} class="small" data-missing={part}>
          {missingSentence(part)}
        </p>
      ))}
      {record ? <CopyDiagnostics text={() => diagnosticsText(record)} copyText={copyText ?? (async () => false)} resultClass="small" /> : null}
    </section>
  );
}
