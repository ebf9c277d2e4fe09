/**
 * Offers text as a file download from an extension page: a Blob URL on a temporary `<a download>`.
 * (No `downloads` permission needed.) The URL is revoked after the click has been handled.
 */
export default function downloadText(doc: Document, filename: string, text: string, mimeType: string): void {
  const view = doc.defaultView;
  if (!view) return;
  const url = view.URL.createObjectURL(new view.Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), 10_000);
}
