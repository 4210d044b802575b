import type { ActionContext, ActionRequest, ResourceWithOptions } from 'adminjs';
import type { DataSource } from 'typeorm';
import { Subprocessor } from '@relance/db/entities/subprocessor.entity';
import { DomainError } from '@relance/errors';
import type { RegistryChange, SubprocessorFields, SubprocessorRegistry } from '@relance/subprocessors';
import { sessionUser } from '../admin/console-user';
import { entityModel } from '../admin/entity-model';
import { mayUseResource } from '../admin/role-access';
import { type ChangeKind, changeLine, formFields, parseChangeForm } from './subprocessor-forms';

export const SUBPROCESSORS = 'subprocessors';

type Access = { currentAdmin?: unknown };
const allowed = (context: Access) => {
  const user = sessionUser({ adminUser: context.currentAdmin });
  return user !== undefined && mayUseResource(user.role, SUBPROCESSORS);
};

/**
 * The subprocessor registry for admins: the list and each entry (AdminJS's screens), and three
 * changes through Relance's registry (the staff API's): add, change, retire. Each change is
 * logged with the date it takes effect, audited, and mailed to the owners who subscribed.
 */
export function subprocessorsResource(
  dataSource: DataSource, registry: SubprocessorRegistry, noticePeriodMs: number, component: string,
): ResourceWithOptions {
  const closed = { isAccessible: false, isVisible: false };
  const change = (kind: ChangeKind) => changeAction(kind, registry, noticePeriodMs, component);
  return {
    resource: entityModel(dataSource, Subprocessor),
    options: {
      id: SUBPROCESSORS,
      navigation: { name: 'Admin', icon: 'Settings' },
      listProperties: ['name', 'processingScope', 'processingLocation', 'transferMechanism', 'status'],
      showProperties: ['name', 'address', 'processingScope', 'personalDataTypes', 'processingLocation', 'transferMechanism',
        'status', 'createdAt', 'updatedAt'],
      properties: { seedKey: { isVisible: false } },
      sort: { sortBy: 'name', direction: 'asc' },
      actions: {
        list: { isAccessible: allowed }, show: { isAccessible: allowed }, search: { isAccessible: allowed },
        new: closed, edit: closed, delete: closed, bulkDelete: closed,
        add: { ...change('add'), actionType: 'resource', icon: 'Plus' },
        change: { ...change('change'), actionType: 'record', icon: 'Edit' },
        retire: { ...change('retire'), actionType: 'record', icon: 'Archive', variant: 'danger' },
      },
    },
  };
}

const HEADINGS: Record<ChangeKind, string> = {
  add: 'Add a subprocessor',
  change: 'Change this subprocessor',
  retire: 'Retire this subprocessor',
};

function changeAction(kind: ChangeKind, registry: SubprocessorRegistry, noticePeriodMs: number, component: string) {
  return {
    component,
    isAccessible: allowed,
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
      const id = context.record ? String(context.record.params.id) : null;
      const record = context.record?.toJSON(context.currentAdmin);
      if (request.method === 'get') {
        return request.query?.load === '1' ? { record, form: await describe(kind, id, registry, noticePeriodMs) } : { record };
      }
      const parsed = parseChangeForm(kind, request.payload ?? {});
      if (!parsed.ok) return { record, problems: parsed.problems, notice: { type: 'error', message: parsed.problems.map((p) => p.message).join('; ') } };
      const editor = { staffUserId: sessionUser({ adminUser: context.currentAdmin })!.id };
      try {
        const done = kind === 'add' ? await registry.add(editor, parsed.fields as SubprocessorFields, parsed.terms)
          : kind === 'change' ? await registry.edit(editor, id!, parsed.fields, parsed.terms)
            : await registry.retire(editor, id!, parsed.terms);
        return { record, entryId: done.entry.id, notice: { type: 'success', message: doneMessage(kind, done) } };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const problems = error.details ?? (error.field ? [{ field: error.field, message: error.message }] : []);
        return { record, problems, notice: { type: 'error', message: error.message } };
      }
    },
  };
}

/** The form: the entry's fields (empty for a new one), the default date, and the entry's change log. */
async function describe(kind: ChangeKind, id: string | null, registry: SubprocessorRegistry, noticePeriodMs: number) {
  const now = new Date();
  const found = id ? await registry.get(id) : null;
  const entry = found?.entry ?? null;
  return {
    heading: HEADINGS[kind],
    editable: kind !== 'retire',
    available: kind === 'add' || entry?.status === 'active',
    fields: formFields(entry ?? {}),
    defaultEffectiveDate: new Date(now.getTime() + noticePeriodMs).toISOString().slice(0, 10),
    changes: (found?.changes ?? []).map((change) => changeLine(change, now)),
  };
}

function doneMessage(kind: ChangeKind, { entry, change }: RegistryChange): string {
  const when = change.effectiveAt.toISOString().slice(0, 10);
  const what = kind === 'add' ? `${entry.name} added` : kind === 'change' ? `${entry.name} changed` : `${entry.name} retired`;
  return `${what}: takes effect on ${when}. Subscribed customers are being notified.`;
}
