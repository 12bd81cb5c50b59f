import cron from 'node-cron';
import { runChurnAlerts } from './churn-alerts';
import { pruneExpired } from './cleanup';

export function startSchedules() {
  cron.schedule('0 9 * * 1', () => {
    runChurnAlerts().catch((err) => console.error('churn alerts failed', err));
  }, { timezone: 'UTC' });

  cron.schedule('15 3 * * *', async () => {
    const pruned = await pruneExpired();
    console.log('pruned', pruned);
  });
}
