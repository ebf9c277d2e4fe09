/**
 * A component drawn again only when one of its props changes (shallow, by identity): Preact's `memo` without
 * importing preact/compat (which patches Preact's global options for React compatibility on import).
 */
import { Component, h, type ComponentType, type FunctionComponent } from 'preact';

export function pureView<P extends object>(view: FunctionComponent<P>): ComponentType<P> {
  const make = (): ComponentType<P> =>
    class PureView extends Component<P> {
      override shouldComponentUpdate(next: P): boolean {
        const prev = this.props as Record<string, unknown>;
        const now = next as Record<string, unknown>;
        const keys = Object.keys(now);
        if (keys.length !== Object.keys(prev).length) return true;
        return keys.some((key) => prev[key] !== now[key]);
      }

      override render(props: P) {
        return h(view, props);
      }
    };
  // The drawer's chunk (load-chunks.ts) calls pureView while it is evaluated, before the loader hands it preact's
  // `Component`: there the class is made on first render, behind a thin function component.
  if (typeof Component === 'function') return make();
  let pure: ComponentType<P> | undefined;
  return (props: P) => h((pure ??= make()) as ComponentType<P>, props);
}
