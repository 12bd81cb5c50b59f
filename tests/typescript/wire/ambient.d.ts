/**
 * Minimal ambient declarations for the third-party imports of the wiring test fixtures
 * (and a catch-all for everything else the example apps import). Only the members the
 * fixtures use are declared; `declare module '*'` makes any other import `any`.
 */
declare module 'express' {
  interface Request {
    body?: unknown;
    header(name: string): string | undefined;
  }
  interface Response {
    statusCode: number;
    status(code: number): Response;
    end(): Response;
    json(body: unknown): Response;
    once(event: 'finish', listener: () => void): Response;
  }
  type NextFunction = (err?: unknown) => void;
  interface Application {
    post(path: string, ...handlers: Array<(req: Request, res: Response, next: NextFunction) => unknown>): void;
    use(...handlers: unknown[]): void;
  }
  interface Express {
    (): Application;
    raw(options: { type: string }): (req: Request, res: Response, next: NextFunction) => void;
  }
  const express: Express;
  export default express;
  export type { Application, NextFunction, Request, Response };
}

declare module 'fastify' {
  interface FastifyRequest {
    body: unknown;
  }
  interface FastifyReply {
    raw: { statusCode: number; once(event: 'finish', listener: () => void): unknown };
    code(status: number): FastifyReply;
    send(body?: unknown): FastifyReply;
  }
  interface FastifyInstance {
    post(path: string, handler: (request: FastifyRequest, reply: FastifyReply) => unknown): void;
  }
  export default function fastify(): FastifyInstance;
  export type { FastifyInstance, FastifyReply, FastifyRequest };
}

declare module 'node-cron' {
  const cron: { schedule(expression: string, job: () => unknown, options?: { timezone?: string }): unknown };
  export default cron;
}

declare module '*';
