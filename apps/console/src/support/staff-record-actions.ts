import type { ActionContext, ActionRequest, ResourceWithOptions } from 'adminjs';
import { DomainError } from '@relance/errors';
import { sessionUser } from '../admin/console-user';
import { mayUseResource } from '../admin/role-access';
import { reasonedPost } from './reasoned-post';
import { USERS } from './users-resource';
import type { ConsoleSupportServices } from './support-services';

/** What the reason form (reason-action.jsx) shows before the action. */
interface ActionSummary {
  heading: string;
  lines: string[];
  /** False when there is nothing to do (no pending closure): the form is not offered. */
  available: boolean;
  button: string;
  confirm: string;
}

type Access = { currentAdmin?: unknown };

/**
 * Adds support's record actions to the screens that already list prospects and accounts:
 * "Forget this prospect" and the account's closure state with "Cancel the closure", each with a
 * reason and a confirmation, through the same services as the staff API (audited there).
 */
export function withSupportActions(resources: ResourceWithOptions[], services: ConsoleSupportServices, component: string): ResourceWithOptions[] {
  return resources.map((resource) => {
    const id = (resource.options as { id?: string }).id;
    if (id === 'prospects') return withAction(withReferences(resource), 'forget', reasonedAction(id, component, forgetSteps(services)));
    if (id === 'accounts') return withAction(resource, 'closure', reasonedAction(id, component, closureSteps(services)));
    return resource;
  });
}

/**
 * AdminJS looks a relation's resource up by the entity's name ("Account", "User") and fails a
 * record's loading when none is registered: point them at the console's ids (users: users-resource.ts).
 */
function withReferences(resource: ResourceWithOptions): ResourceWithOptions {
  const options = resource.options as { properties?: Record<string, object> };
  return {
    ...resource,
    options: { ...resource.options, properties: { ...options.properties, accountId: { reference: 'accounts' }, ownerId: { reference: USERS } } },
  };
}

function withAction(resource: ResourceWithOptions, name: string, action: object): ResourceWithOptions {
  const options = resource.options as { actions?: Record<string, object> };
  return { ...resource, options: { ...resource.options, actions: { ...options.actions, [name]: action } } };
}

interface Steps {
  summary(id: string): Promise<ActionSummary>;
  perform(staffUserId: string, id: string, reason: string): Promise<string>;
}

function reasonedAction(resourceId: string, component: string, steps: Steps) {
  const allowed = (context: Access) => {
    const user = sessionUser({ adminUser: context.currentAdmin });
    return user !== undefined && mayUseResource(user.role, resourceId);
  };
  return {
    actionType: 'record', component, isAccessible: allowed,
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
      const id = String(context.record!.params.id);
      const record = context.record!.toJSON(context.currentAdmin);
      if (request.method === 'get') return request.query?.load === '1' ? { record, summary: await steps.summary(id) } : { record };
      const post = reasonedPost(request.payload ?? {});
      if (!post.ok) return { record, notice: { type: 'error', message: post.message } };
      try {
        const message = await steps.perform(sessionUser({ adminUser: context.currentAdmin })!.id, id, post.reason);
        return { record, notice: { type: 'success', message } };
      } catch (error) {
        if (error instanceof DomainError) return { record, notice: { type: 'error', message: error.message } };
        throw error;
      }
    },
  };
}

function forgetSteps(services: ConsoleSupportServices): Steps {
  return {
    summary: async (id) => {
      const prospect = await services.describeProspect(id);
      return {
        heading: 'Forget this prospect',
        lines: prospect
          ? [`${prospect}: erased everywhere (rows, sequences, mail sent and received); only a keyed hash stays, `
            + 'on the suppression list, so they are never mailed or added again. This cannot be undone.']
          : ['This prospect is no longer here: forgotten already, or never one of an account\'s.'],
        available: prospect !== null, button: 'Forget this prospect', confirm: 'I understand this erases the prospect for good',
      };
    },
    perform: async (staffUserId, id, reason) => {
      const { counts } = await services.forgetProspect(staffUserId, id, reason);
      const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
      return `Prospect forgotten: ${rows} row${rows === 1 ? '' : 's'} erased.`;
    },
  };
}

function closureSteps(services: ConsoleSupportServices): Steps {
  return {
    summary: async (id) => {
      const closure = await services.closures.find(id);
      const lines = !closure ? ['This account has never been closed.']
        : [`Closure: ${closure.status}`, `Requested ${closure.requestedAt.toISOString()}`,
          closure.status === 'pending' ? `Purged at ${closure.purgeAfter.toISOString()} unless cancelled` : '',
          closure.cancelledAt ? `Cancelled ${closure.cancelledAt.toISOString()}` : '',
          closure.purgedAt ? `Purged ${closure.purgedAt.toISOString()}` : ''].filter(Boolean);
      return {
        heading: 'Account closure', lines, available: closure?.status === 'pending',
        button: 'Cancel the closure', confirm: 'The owner asked to keep the account',
      };
    },
    perform: async (staffUserId, id, reason) => {
      const closure = await services.cancelClosure(staffUserId, id, reason);
      return `Closure ${closure.status}: the account is kept.`;
    },
  };
}
