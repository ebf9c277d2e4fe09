// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createShadowHost } from '../../../src/panel/shadow-host';

describe('createShadowHost', () => {
  it('makes the host with an open shadow root holding the CSS and a body to render into', () => {
    const { host, shadow, container } = createShadowHost(document, 'perspective-map', ':host { display: block; }');
    expect(host.tagName.toLowerCase()).toBe('perspective-map');
    expect(host.shadowRoot).toBe(shadow);
    expect(shadow.querySelector('head > style')?.textContent).toBe(':host { display: block; }');
    expect(shadow.querySelector('html > body')).toBe(container);
    expect(host.isConnected).toBe(false);
  });

  it('keeps key events inside the panel (YouTube shortcuts never see them) and lets other events through', () => {
    const { host, container } = createShadowHost(document, 'perspective-map', '');
    document.body.append(host);
    const button = document.createElement('button');
    container.append(button);
    const seen: string[] = [];
    const listener = (event: Event) => seen.push(event.type);
    for (const type of ['keydown', 'keyup', 'keypress', 'click']) document.addEventListener(type, listener);
    try {
      for (const type of ['keydown', 'keyup', 'keypress']) button.dispatchEvent(new KeyboardEvent(type, { key: 'ArrowLeft', bubbles: true, composed: true }));
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      expect(seen).toEqual(['click']);
    } finally {
      for (const type of ['keydown', 'keyup', 'keypress', 'click']) document.removeEventListener(type, listener);
      host.remove();
    }
  });
});
