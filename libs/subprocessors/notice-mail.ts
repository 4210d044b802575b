import type { FieldChange, SubprocessorChangeKind } from '@relance/db/entities';
import type { SystemMail } from '@relance/privacy/requests/system-mailer';
import { FIELD_LABELS, SUBPROCESSOR_FIELDS, type SubprocessorFields } from './subprocessor-fields';

export interface NoticeContent {
  changeId: string;
  kind: SubprocessorChangeKind;
  /** The entry as it will be once the change applies. */
  entry: SubprocessorFields;
  changes: Record<string, FieldChange>;
  effectiveAt: Date;
  /** Where objections go (Relance's own mailbox). */
  replyTo: string;
  /** The public list. */
  listUrl: string;
}

const VERB: Record<SubprocessorChangeKind, string> = { added: 'will be added', updated: 'will change', retired: 'will be retired' };

/**
 * The notice GDPR Art. 28(2) asks for: which subprocessor, what changes, from when, and how to
 * object before then. Plain text; every value comes from the registry, never from the recipient.
 */
export function subprocessorNotice(to: string, notice: NoticeContent): SystemMail {
  const when = notice.effectiveAt.toISOString();
  const entry = SUBPROCESSOR_FIELDS.map((field) => `  ${FIELD_LABELS[field]}: ${notice.entry[field]}`).join('\n');
  const changed = Object.entries(notice.changes)
    .map(([field, { before, after }]) => `  ${FIELD_LABELS[field as keyof typeof FIELD_LABELS] ?? field}: `
      + (before === null ? after : `${before} -> ${after}`))
    .join('\n');
  return {
    to,
    subject: `Relance subprocessor change: ${notice.entry.name} ${VERB[notice.kind]} on ${when.slice(0, 10)}`,
    text: `Relance's list of subprocessors changes (reference ${notice.changeId}).\n\n`
      + `${notice.entry.name} ${VERB[notice.kind]}. This takes effect on ${when}.\n\n`
      + `The entry:\n${entry}\n\n`
      + `What changes:\n${changed}\n\n`
      + `You may object to this change before ${when}: reply to this message or write to ${notice.replyTo}, `
      + `quoting the reference above.\n\n`
      + `The current list and upcoming changes: ${notice.listUrl}\n`
      + 'You receive this because your account subscribed to subprocessor change notices '
      + '(DELETE /v1/account/subprocessor-notices stops them).\n',
  };
}
