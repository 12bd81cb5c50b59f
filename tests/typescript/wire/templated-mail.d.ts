/**
 * What the templated-send wiring tests type-check against, without React or NestJS
 * installed: a JSX namespace (any intrinsic element; function components' props are
 * checked as declared) and the NestJS mailer's `sendMail` options. Other `@react-email/*`
 * imports fall to `declare module '*'` in ambient.d.ts.
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

declare module '@nestjs-modules/mailer' {
  interface ISendMailOptions {
    to?: string | string[];
    subject?: string;
    template?: string;
    context?: { [name: string]: unknown };
  }
  export class MailerService {
    sendMail(options: ISendMailOptions): Promise<unknown>;
  }
}
