// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import downloadText from '../../../src/ui/shared/download-text';
import formatBytes from '../../../src/ui/shared/format-bytes';

describe('downloadText', () => {
  it('clicks a temporary <a download> on a Blob URL and leaves nothing behind', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:test/1';
    });
    const clicks: { href: string; download: string; attached: boolean }[] = [];
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function (this: HTMLAnchorElement) {
        clicks.push({ href: this.href, download: this.download, attached: this.isConnected });
      });
    downloadText(document, 'map.csv', 'a,b\n1,2\n', 'text/csv');
    expect(clicks).toEqual([{ href: 'blob:test/1', download: 'map.csv', attached: true }]);
    expect(await created[0]!.text()).toBe('a,b\n1,2\n');
    expect(created[0]!.type).toMatch(/^text\/csv/);
    expect(document.querySelectorAll('a').length).toBe(0);
    createObjectURL.mockRestore();
    click.mockRestore();
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1_200_000, '1.1 MB'],
    [5 * 1024 ** 3, '5.0 GB'],
    [Number.NaN, '0 B'],
  ])('%d → %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});
