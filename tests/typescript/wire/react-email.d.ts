/**
 * The JSX namespace React Email components type-check against, for the templated-send
 * wiring tests (no React install): any intrinsic element, and function components whose
 * props are checked as declared. `@react-email/*` imports fall to `declare module '*'`.
 */
declare namespace JSX {
  interface Element {
    readonly __jsx?: never;
  }
  interface IntrinsicElements {
    [name: string]: { children?: unknown; [attribute: string]: unknown };
  }
  interface ElementChildrenAttribute {
    children: unknown;
  }
}
