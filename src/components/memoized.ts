import { Component, h, type ComponentType } from 'preact';

export function shallowEqual(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key in left) if (left[key] !== right[key]) return false;
  for (const key in right) if (!(key in left)) return false;
  return true;
}

/**
 * A component that re-renders only when `equal` says its props changed (shallow by default). preact/compat's memo
 * would do the same, but compat costs kilobytes before the first paint.
 */
export function memoized<P extends object>(inner: ComponentType<P>, equal: (a: P, b: P) => boolean = shallowEqual): ComponentType<P> {
  return class Memoized extends Component<P> {
    shouldComponentUpdate(next: P): boolean {
      return !equal(this.props as P, next);
    }
    render() {
      return h(inner, this.props as P);
    }
  };
}
