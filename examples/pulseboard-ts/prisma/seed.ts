import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

async function main() {
  const owner = await prisma.user.upsert({
    where: { email: 'demo@pulseboard.app' },
    update: {},
    create: { email: 'demo@pulseboard.app', name: 'Demo Owner' },
  });
  await prisma.workspace.upsert({
    where: { slug: 'acme' },
    update: {},
    create: {
      name: 'Acme Analytics',
      slug: 'acme',
      memberships: { create: { userId: owner.id, role: 'OWNER' } },
    },
  });
}

main().finally(() => prisma.$disconnect());
