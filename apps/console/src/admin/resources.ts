import type { ActionContext, ActionRequest, ActionResponse, ResourceWithOptions } from 'adminjs';
import type { DataSource } from 'typeorm';
import { Account, AuditEvent, PrivacyRequest, Prospect } from '@relance/db';
import { StaffUser } from '@relance/db/entities/staff-user.entity';
import type { AuditTrail } from '@relance/privacy/audit-trail';
import type { PrivacyRequestStaffActions } from '@relance/privacy/requests';
import type { StaffLogin } from '@relance/staff/staff-login';
import { sessionUser } from './console-user';
import { privacyRequestActions } from '../privacy/privacy-request-actions';
import { entityModel } from './entity-model';
import { mayUseResource } from './role-access';

export interface ResourceDeps {
  dataSource: DataSource;
  audit: AuditTrail;
  login: StaffLogin;
  privacy: PrivacyRequestStaffActions;
}

/** Custom screens, by the names the ComponentLoader gave them. */
export interface ResourceComponents {
  privacyRequest: string;
}

type Access = { currentAdmin?: unknown };
const roleOf = (context: Access) => sessionUser({ adminUser: context.currentAdmin })?.role;
const allowed = (id: string) => (context: Access) => {
  const role = roleOf(context);
  return role !== undefined && mayUseResource(role, id);
};

/**
 * Read-only screens: AdminJS's generic new/edit/delete stay closed for every role; changes to
 * personal data go through Relance's services (and their workflows), audited there.
 */
function readOnly(id: string, extra: Record<string, object> = {}) {
  const closed = { isAccessible: false, isVisible: false };
  return {
    list: { isAccessible: allowed(id) },
    show: { isAccessible: allowed(id) },
    search: { isAccessible: allowed(id) },
    new: closed, edit: closed, delete: closed, bulkDelete: closed,
    ...extra,
  };
}

/** Opening one record of personal data is recorded in the audit trail: who opened what, ids only. */
function auditedShow(id: string, targetType: string, audit: AuditTrail) {
  return {
    isAccessible: allowed(id),
    after: async (response: ActionResponse, _request: ActionRequest, context: ActionContext) => {
      const staffId = sessionUser({ adminUser: context.currentAdmin })?.id ?? null;
      const recordId = response.record?.params?.id;
      if (recordId) {
        await audit.record({ actor: { kind: 'staff', id: staffId }, action: `${targetType}.viewed`, target: { type: targetType, id: String(recordId) }, details: { via: 'console' } });
      }
      return response;
    },
  };
}

export function consoleResources({ dataSource, audit, login, privacy }: ResourceDeps, components: ResourceComponents): ResourceWithOptions[] {
  const requestScreens = privacyRequestActions(privacy, allowed('privacy_requests'), components.privacyRequest);
  const support = { name: 'Support', icon: 'LifeBuoy' };
  const admin = { name: 'Admin', icon: 'Settings' };
  const trail = { name: 'Audit', icon: 'List' };
  return [
    {
      resource: entityModel(dataSource, PrivacyRequest),
      options: {
        id: 'privacy_requests', navigation: support,
        listProperties: ['id', 'type', 'status', 'requester', 'dueAt', 'createdAt'],
        showProperties: ['id', 'type', 'status', 'subjectKind', 'requester', 'accountId', 'prospectId', 'userId',
          'verificationMethod', 'verifiedAt', 'dueAt', 'extendedAt', 'completedAt', 'createdAt'],
        sort: { sortBy: 'createdAt', direction: 'desc' },
        actions: readOnly('privacy_requests', {
          show: { ...auditedShow('privacy_requests', 'privacy_request', audit), ...requestScreens.show },
          act: requestScreens.act,
        }),
      },
    },
    {
      resource: entityModel(dataSource, Prospect),
      options: {
        id: 'prospects', navigation: support,
        listProperties: ['id', 'accountId', 'status', 'createdAt'],
        actions: readOnly('prospects', { show: auditedShow('prospects', 'prospect', audit) }),
      },
    },
    {
      resource: entityModel(dataSource, Account),
      options: {
        id: 'accounts', navigation: support,
        actions: readOnly('accounts', { show: auditedShow('accounts', 'account', audit) }),
      },
    },
    {
      resource: entityModel(dataSource, AuditEvent),
      options: {
        id: 'audit_events', navigation: trail,
        sort: { sortBy: 'occurredAt', direction: 'desc' },
        actions: readOnly('audit_events'),
      },
    },
    {
      resource: entityModel(dataSource, StaffUser),
      options: {
        id: 'staff_users', navigation: admin,
        listProperties: ['id', 'displayName', 'role', 'failedLogins', 'lockedUntil', 'disabledAt'],
        properties: { passwordHash: { isVisible: false } },
        actions: readOnly('staff_users', {
          unlock: {
            actionType: 'record', icon: 'Unlock', component: false,
            isAccessible: allowed('staff_users'),
            guard: 'Unlock this staff member now?',
            handler: async (_request: ActionRequest, _response: unknown, context: ActionContext) => {
              const adminId = sessionUser({ adminUser: context.currentAdmin })?.id ?? null;
              const id = String(context.record?.params.id);
              const unlocked = await login.unlock(id, { kind: 'staff', id: adminId }, 'console');
              return {
                record: context.record!.toJSON(context.currentAdmin),
                notice: { message: unlocked ? 'Unlocked' : 'This member was not locked', type: unlocked ? 'success' : 'info' },
              };
            },
          },
        }),
      },
    },
  ];
}
