import { PrismaClient } from '@prisma/client';

// Reuse one client across hot reloads in dev; Next re-evaluates modules on every edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db = globalForPrisma.prisma ?? new PrismaClient({ log: ['warn', 'error'] });

if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = db;
