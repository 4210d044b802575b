export type ReasonedPost = { ok: true; reason: string } | { ok: false; message: string };

/** A console action's form: a reason (kept in the audit trail) and the box ticked; a refusal names the field. */
export function reasonedPost(payload: Record<string, unknown>): ReasonedPost {
  const reason = typeof payload.reason === 'string' ? payload.reason.trim() : '';
  if (!reason) return { ok: false, message: 'reason: say why (it is kept in the audit trail)' };
  if (reason.length > 1000) return { ok: false, message: 'reason: at most 1000 characters' };
  if (payload.confirmed !== 'yes' && payload.confirmed !== true) return { ok: false, message: 'confirmed: tick the box to confirm' };
  return { ok: true, reason };
}
