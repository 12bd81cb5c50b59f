import express from 'express';
import { startSchedules } from './jobs';
import { exportsRouter } from './routes/exports';
import { hooksRouter } from './routes/hooks';

const app = express();

// Webhook routes need the raw body for signature checks, so they mount before express.json().
app.use(hooksRouter);
app.use(express.json({ limit: '1mb' }));
app.use('/v1', exportsRouter);

app.get('/healthz', (_req, res) => {
  res.json({ ok: true });
});

const port = Number(process.env.PORT ?? 4000);
app.listen(port, () => {
  console.log(`worker listening on :${port}`);
  if (process.env.DISABLE_CRON !== '1') startSchedules();
});
