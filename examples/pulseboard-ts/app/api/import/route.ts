import Papa from 'papaparse';
import { NextResponse } from 'next/server';
import { track } from '@/lib/analytics';
import { getCurrentUser } from '@/lib/auth';
import { db } from '@/lib/db';

type ContactRow = { email?: string; first_name?: string; last_name?: string; company?: string; segment?: string };

const MAX_BYTES = 5 * 1024 * 1024;

/** CSV import of survey recipients (contacts). */
export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });

  const form = await request.formData();
  const file = form.get('file');
  if (!(file instanceof File)) return NextResponse.json({ error: 'file is required' }, { status: 400 });
  if (file.size > MAX_BYTES) return NextResponse.json({ error: 'file too large (5 MB max)' }, { status: 413 });

  const { data, errors } = Papa.parse<ContactRow>(await file.text(), { header: true, skipEmptyLines: true });
  const rows = data.filter((r) => r.email && r.email.includes('@'));
  await db.contact.createMany({
    data: rows.map((r) => ({
      workspaceId: user.workspaceId,
      email: r.email!.toLowerCase(),
      firstName: r.first_name,
      lastName: r.last_name,
      company: r.company,
      segment: r.segment,
    })),
    skipDuplicates: true,
  });
  track(user.id, 'contacts imported', { rows: rows.length, errors: errors.length });
  return NextResponse.json({ imported: rows.length, skipped: data.length - rows.length });
}
