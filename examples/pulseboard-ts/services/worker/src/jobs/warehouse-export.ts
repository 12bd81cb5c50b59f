import { Client } from 'pg';
import { db } from '../lib/db';

// Run by the nightly GitHub Actions workflow; copies yesterday's responses to the warehouse.
async function main() {
  const since = new Date(Date.now() - 864e5);
  const rows = await db.response.findMany({ where: { createdAt: { gte: since } } });
  const warehouse = new Client({ connectionString: process.env.WAREHOUSE_URL });
  await warehouse.connect();
  for (const r of rows) {
    await warehouse.query(
      'insert into raw.nps_responses (id, survey_id, score, comment, created_at) values ($1,$2,$3,$4,$5) on conflict do nothing',
      [r.id, r.surveyId, r.score, r.comment, r.createdAt],
    );
  }
  await warehouse.end();
  console.log(`exported ${rows.length} responses`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
