import type { FieldProblem } from '@relance/errors';
import { RECTIFIABLE_FIELDS } from '@relance/privacy/requests';

/** What a form of the privacy-request screen asks, once checked. */
export type ConsoleCommand =
  | { operation: 'verify' | 'reject' | 'extend'; reason: string }
  | { operation: 'rectify'; fields: Record<string, string> };

const REASON_MAX = 1000;
/** Why each reason is asked for, said on the form when it is missing. */
const REASON_USE: Record<'verify' | 'reject' | 'extend', string> = {
  verify: 'say how you verified who asked: it goes into the audit trail',
  reject: 'say why the request is rejected: the requester is mailed it',
  extend: 'say why more time is needed: the requester is mailed it',
};

/**
 * Reads a form's fields (strings, as the browser sends them) into a command, or the problems to
 * show beside the form. Rectification fields left empty are not given; at least one is needed.
 */
export function consoleCommand(payload: Record<string, unknown>): { command: ConsoleCommand } | { problems: FieldProblem[] } {
  const operation = payload.operation;
  if (operation === 'verify' || operation === 'reject' || operation === 'extend') {
    const reason = typeof payload.reason === 'string' ? payload.reason.trim() : '';
    if (reason === '') return { problems: [{ field: 'reason', message: `A reason is required: ${REASON_USE[operation]}.` }] };
    if (reason.length > REASON_MAX) return { problems: [{ field: 'reason', message: `The reason is ${reason.length} characters long: at most ${REASON_MAX}.` }] };
    return { command: { operation, reason } };
  }
  if (operation === 'rectify') {
    const fields: Record<string, string> = {};
    for (const name of RECTIFIABLE_FIELDS) {
      const value = payload[name];
      if (typeof value === 'string' && value.trim() !== '') fields[name] = value;
    }
    if (Object.keys(fields).length === 0) {
      return { problems: [{ field: 'fields', message: `Give at least one field to set (${RECTIFIABLE_FIELDS.join(', ')}).` }] };
    }
    return { command: { operation, fields } };
  }
  return { problems: [{ field: 'operation', message: `Unknown action ${JSON.stringify(operation)}: verify, reject, extend or rectify.` }] };
}
