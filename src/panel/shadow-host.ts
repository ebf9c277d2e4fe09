/**
 * The panel's host element and its open shadow root: `<perspective-map>` › #shadow-root › html › head › style, body.
 *
 * Hand-written instead of WXT's `createShadowRootUi` (the content-script budget, DESIGN §9.1): of what that helper
 * brings (~9 KB minified: `@webext-core/isolated-element`, `@1natsu/wait-element`, `many-keys-map`, `defu`,
 * anchor resolution by selector or XPath, auto-mount, overlay/modal positioning, CSS loading by fetch, `@property`
 * splitting), the panel used only "make an element with an open shadow root holding this CSS and a body, and stop
 * key events at the body". The panel places the host itself (panel-placement.ts), its CSS has no `@property` or
 * `@font-face` rule to hoist into the document, and its lifetime is mount-panel.ts's `remove()`. Same structure as
 * before, so panel.css (`html, body` rules) and every test that reads `shadowRoot` see the same tree.
 */

export interface ShadowHost {
  /** The custom element placed in the page (`#perspective-map`). */
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Where the panel renders: the shadow root's `<body>`. */
  container: HTMLElement;
}

/** Key events that must not reach YouTube's shortcuts (arrows seek, space pauses, `c` toggles captions…). */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export function createShadowHost(doc: Document, tag: string, css: string): ShadowHost {
  const host = doc.createElement(tag);
  const shadow = host.attachShadow({ mode: 'open' });
  const html = doc.createElement('html');
  const head = doc.createElement('head');
  const style = doc.createElement('style');
  style.textContent = css;
  head.append(style);
  const container = doc.createElement('body');
  for (const type of ISOLATED_EVENTS) container.addEventListener(type, (event) => event.stopPropagation());
  html.append(head, container);
  shadow.append(html);
  return { host, shadow, container };
}
