import { createDataSource } from '@relance/db';
import { AuditRepository } from '@relance/db/repositories/audit.repository';
import { StaffRepository } from '@relance/db/repositories/staff.repository';
import { AuditTrail } from '@relance/privacy/audit-trail';
import { hashStaffPassword } from '@relance/staff/staff-password';
import type { DevSecrets } from './dev-secrets';

/** npm start's console admin: a local install's first staff member, its password in .data/secrets.json. */
export const DEMO_ADMIN_EMAIL = 'admin@demo.relance.test';

/**
 * Creates the demo admin on first start (as `npm run staff -- create-admin` would); later starts
 * leave it as it is, so a password changed since stands (the banner's is then out of date).
 */
export async function ensureDemoAdmin(databaseUrl: string, secrets: DevSecrets): Promise<{ email: string; password: string; created: boolean }> {
  const dataSource = await createDataSource(databaseUrl, { poolSize: 1, applicationName: 'relance-launcher' }).initialize();
  try {
    const staff = new StaffRepository(dataSource);
    const user = await staff.create({ email: DEMO_ADMIN_EMAIL, displayName: 'Demo admin', role: 'admin' });
    if (user) {
      await staff.setPassword(user.id, await hashStaffPassword(secrets.demoAdminPassword));
      await new AuditTrail(new AuditRepository(dataSource)).record({
        actor: { kind: 'system', id: null }, action: 'staff_user.created',
        target: { type: 'staff_user', id: user.id }, details: { via: 'npm start', role: 'admin' },
      });
    }
    return { email: DEMO_ADMIN_EMAIL, password: secrets.demoAdminPassword, created: user !== null };
  } finally {
    await dataSource.destroy();
  }
}
