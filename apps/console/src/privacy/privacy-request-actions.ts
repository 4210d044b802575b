import type { ActionContext, ActionRequest } from 'adminjs';
import { DomainError } from '@relance/errors';
import { type PrivacyRequestStaffActions, RECTIFIABLE_FIELDS } from '@relance/privacy/requests';
import { sessionUser } from '../admin/console-user';
import { consoleCommand, type ConsoleCommand } from './console-command';
import { privacyRequestView } from './privacy-request-view';

type Access = { currentAdmin?: unknown };

/**
 * The privacy-request screen (AdminJS's `show`, so the home and the list both open it) and
 * the hidden `act` action it reads (GET) and its forms post to. Both call the API's staff actions; the role is
 * checked by `allowed` here and again by the router's guard, the Origin by origin-check.ts.
 */
export function privacyRequestActions(actions: PrivacyRequestStaffActions, allowed: (context: Access) => boolean, component: string) {
  const screen = async (id: string) => {
    const { request, events, live } = await actions.get(id);
    return { ...privacyRequestView(request, events, new Date()), live: live.live, liveUnavailable: live.reason, rectifiableFields: [...RECTIFIABLE_FIELDS] };
  };
  return {
    // The screen loads itself through `act` (GET), and refreshes after each form.
    show: { component, isAccessible: allowed },
    act: {
      actionType: 'record', isVisible: false, isAccessible: allowed, component: false,
      handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
        const id = String(context.record!.params.id);
        const staff = { staffUserId: sessionUser({ adminUser: context.currentAdmin })!.id };
        const outcome = request.method === 'post' ? await run(actions, staff, id, request.payload ?? {}) : { problems: [], message: null };
        return {
          record: context.record!.toJSON(context.currentAdmin),
          problems: outcome.problems,
          notice: outcome.message ? { message: outcome.message, type: outcome.problems.length ? 'error' : 'success' } : undefined,
          screen: await screen(id),
        };
      },
    },
  };
}

const DONE: Record<ConsoleCommand['operation'], string> = {
  verify: 'Identity verified: the request runs now.',
  reject: 'Request rejected: the requester is mailed the reason.',
  extend: 'Deadline extended: the requester is told.',
  rectify: 'Fields given: the rectification runs now.',
};

/** Runs one form's command; a domain refusal (wrong state, bad field) comes back as problems to show, not as a crash. */
async function run(actions: PrivacyRequestStaffActions, staff: { staffUserId: string }, id: string, payload: Record<string, unknown>) {
  const parsed = consoleCommand(payload);
  if ('problems' in parsed) return { problems: parsed.problems, message: parsed.problems.map((p) => p.message).join(' ') };
  const { command } = parsed;
  try {
    if (command.operation === 'rectify') await actions.rectify(staff, id, command.fields);
    else await actions[command.operation](staff, id, command.reason);
    return { problems: [], message: DONE[command.operation] };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const problems = error.details ?? [{ field: error.field ?? 'request', message: error.message }];
    return { problems, message: error.message };
  }
}
