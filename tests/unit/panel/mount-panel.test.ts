// @vitest-environment happy-dom
/**
 * mountPanel on a minimal watch-page skeleton: the DESIGN §9 host contract (id, open shadow root,
 * attributes, bars with data attributes, click → currentTime), one host per page, waiting for #below,
 * teardown. The real page is exercised end to end on the YouTube replica; this only pins the contract.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountPanel } from '../../../src/panel/mount-panel';
import type { PanelController, PanelDeps, PanelView } from '../../../src/panel/panel-view';
import { fixtureMap, readyView } from './fixtures';

const controllers: PanelController[] = [];

function watchPage(): void {
  const flexy = document.createElement('ytd-watch-flexy');
  const below = document.createElement('div');
  below.id = 'below';
  below.append(document.createElement('ytd-watch-metadata'));
  flexy.append(below);
  document.body.append(flexy);
}

function deps(video: { currentTime: number; paused: boolean }): PanelDeps {
  return { getVideo: () => video as unknown as HTMLVideoElement, onRetry: vi.fn(), onTrackChange: vi.fn(), onCollapsedChange: vi.fn(), onShowAnyway: vi.fn(), onTranscriptOpenChange: vi.fn(), loadTranscript: vi.fn(async (from: number) => ({ total: 0, from, cues: [] })), copyText: vi.fn(async () => undefined) };
}

async function mount(view: PanelView, video = { currentTime: 0, paused: true }, ctx = new ContentScriptContext('youtube')) {
  const panel = await mountPanel(ctx, deps(video), view);
  controllers.push(panel);
  return { panel, video, ctx };
}

const host = () => document.getElementById('perspective-map');

afterEach(() => {
  for (const c of controllers.splice(0)) c.remove();
  document.body.replaceChildren();
  document.documentElement.removeAttribute('dark');
});

describe('mountPanel', () => {
  it('places one host with an open shadow root before the title block, with the §9 attributes', async () => {
    watchPage();
    await mount(readyView({ cached: true }));
    const el = host()!;
    expect(el.nextElementSibling?.tagName).toBe('YTD-WATCH-METADATA');
    expect(el.shadowRoot).not.toBeNull();
    expect(el.dataset.videoId).toBe('4WNWeUQ7Hfc');
    expect(el.dataset.state).toBe('ready');
    expect(el.dataset.slices).toBe('107');
    expect(el.dataset.source).toBe('player');
    expect(el.dataset.cached).toBe('true');
    expect(el.shadowRoot!.querySelectorAll('[data-slice-index][data-start-ms].arc-bar')).toHaveLength(107);
    // Contract (DESIGN §9): only episode-arc bars carry data-slice-index, so counting them counts the slices.
    expect(el.shadowRoot!.querySelectorAll('[data-slice-index]')).toHaveLength(107);
  });

  it('clicking a bar in the shadow root sets video.currentTime to its start', async () => {
    watchPage();
    const { video } = await mount(readyView());
    const bar = host()!.shadowRoot!.querySelector<HTMLElement>('.arc-bar[data-slice-index="12"]')!;
    bar.click();
    expect(video.currentTime).toBe(Number(bar.dataset.startMs) / 1000);
    expect(video.currentTime).toBe(fixtureMap().slices[12]!.startMs / 1000);
  });

  it('keeps attributes in sync on update and hides the host when skipped', async () => {
    watchPage();
    const { panel } = await mount({ state: 'loading', videoId: 'aaa' });
    expect(host()!.dataset.state).toBe('loading');
    expect(host()!.hasAttribute('data-slices')).toBe(false);
    panel.update(readyView());
    expect(host()!.dataset.slices).toBe('107');
    panel.update({ state: 'skipped', videoId: 'bbb' });
    expect(host()!.dataset.videoId).toBe('bbb');
    expect(host()!.style.display).toBe('none');
    expect(host()!.hasAttribute('data-source')).toBe(false);
    expect(host()!.hasAttribute('data-cached')).toBe(false);
    panel.update({ state: 'no-captions', videoId: 'bbb' });
    expect(host()!.style.display).toBe('');
  });

  it('never leaves more than one host: a second mount replaces the first', async () => {
    watchPage();
    // Same context (a new one would invalidate the first and remove its panel for another reason).
    const { ctx, panel: first } = await mount({ state: 'loading', videoId: 'aaa' });
    await mount({ state: 'loading', videoId: 'bbb' }, { currentTime: 0, paused: true }, ctx);
    expect(document.querySelectorAll('#perspective-map')).toHaveLength(1);
    expect(host()!.dataset.videoId).toBe('bbb');
    first.update({ state: 'loading', videoId: 'aaa' }); // a late update from the old session…
    expect(document.querySelectorAll('#perspective-map')).toHaveLength(1);
    expect(host()!.dataset.videoId).toBe('bbb');
  });

  it('puts the host back when the page dropped it (and no newer panel exists)', async () => {
    watchPage();
    const { panel } = await mount(readyView());
    host()!.remove();
    panel.update(readyView({ cached: true }));
    expect(host()?.nextElementSibling?.tagName).toBe('YTD-WATCH-METADATA');
    expect(host()!.dataset.cached).toBe('true');
    expect(host()!.shadowRoot!.querySelectorAll('.arc-bar')).toHaveLength(107);
  });

  it('follows the dark theme attribute on <html>', async () => {
    watchPage();
    await mount({ state: 'loading', videoId: 'aaa' });
    expect(host()!.dataset.theme).toBe('light');
    document.documentElement.setAttribute('dark', '');
    await new Promise((r) => setTimeout(r, 0));
    expect(host()!.dataset.theme).toBe('dark');
  });

  it('waits for #below when the page has not built it yet', async () => {
    await mount({ state: 'loading', videoId: 'aaa' });
    expect(host()).toBeNull();
    watchPage();
    await vi.waitFor(() => expect(host()?.nextElementSibling?.tagName).toBe('YTD-WATCH-METADATA'));
  });

  it('remove() takes the host away and later updates are ignored', async () => {
    watchPage();
    const { panel } = await mount(readyView());
    panel.remove();
    expect(host()).toBeNull();
    panel.update(readyView());
    expect(host()).toBeNull();
  });

  it('an invalidated content-script context removes the panel', async () => {
    watchPage();
    const { ctx } = await mount(readyView());
    ctx.abort();
    expect(host()).toBeNull();
  });
});
