import type { ResourceWithOptions } from 'adminjs';
import type { DataSource } from 'typeorm';
import { User } from '@relance/db/entities/user.entity';
import { entityModel } from '../admin/entity-model';
import { sessionUser } from '../admin/console-user';
import { mayUseResource } from '../admin/role-access';

export const USERS = 'users';

/**
 * Customers' users, only so that a prospect's owner and a user's account resolve when a record is
 * loaded (AdminJS needs the referenced resource registered). No screen of its own, no menu entry;
 * support reads them as they read accounts.
 */
export function usersResource(dataSource: DataSource): ResourceWithOptions {
  const closed = { isAccessible: false, isVisible: false };
  const allowed = ({ currentAdmin }: { currentAdmin?: unknown }) => {
    const user = sessionUser({ adminUser: currentAdmin });
    return user !== undefined && mayUseResource(user.role, USERS);
  };
  return {
    resource: entityModel(dataSource, User),
    options: {
      id: USERS, navigation: false,
      properties: { accountId: { reference: 'accounts' } },
      actions: {
        list: closed, search: closed, new: closed, edit: closed, delete: closed, bulkDelete: closed,
        show: { isAccessible: allowed, isVisible: false },
      },
    },
  };
}
