import { bootstrapAccount } from '../../apps/api/src/auth/bootstrap-account';
import { createDataSource } from '@relance/db';
import { DevSecrets } from './dev-secrets';

/**
 * A demo account and API key for a local install, made on first start and reused after
 * (the key is kept in .data/secrets.json, mode 0600, as only its hash is in the database).
 */
export async function ensureDemoAccount(databaseUrl: string, secrets: DevSecrets): Promise<DevSecrets> {
  const dataSource = await createDataSource(databaseUrl, { poolSize: 1, applicationName: 'relance-launcher' }).initialize();
  try {
    if (secrets.demoAccountId && secrets.demoApiKey) {
      const rows = await dataSource.query('select 1 from accounts where id = $1', [secrets.demoAccountId]);
      if (rows.length === 1) return secrets;
    }
    const demo = await bootstrapAccount(dataSource, {
      accountName: 'Demo workspace',
      ownerEmail: 'owner@demo.relance.test',
      ownerName: 'Demo owner',
      keyName: 'demo',
    });
    return { ...secrets, demoAccountId: demo.accountId, demoApiKey: demo.apiKey };
  } finally {
    await dataSource.destroy();
  }
}
