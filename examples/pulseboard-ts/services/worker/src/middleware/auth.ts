import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';

export type WorkerUser = { id: string; workspaceId: string; email: string };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: WorkerUser;
    }
  }
}

/** The web app mints short-lived JWTs for calls to the worker; this puts the caller on req.user. */
export function authenticate(req: Request, res: Response, next: NextFunction) {
  const header = req.header('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : null;
  if (!token) return res.status(401).json({ error: 'missing token' });
  try {
    req.user = jwt.verify(token, process.env.WORKER_JWT_SECRET ?? '') as WorkerUser;
    return next();
  } catch {
    return res.status(401).json({ error: 'invalid token' });
  }
}
