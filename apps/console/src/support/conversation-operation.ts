const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ConversationOperation =
  | { ok: true; op: 'reply'; body: string }
  | { ok: true; op: 'attach'; accountId: string; reason: string | null }
  | { ok: false; message: string };

/** What the conversation screen posted, checked; a refusal names the field, as the API's do. */
export function conversationOperation(payload: Record<string, unknown>): ConversationOperation {
  if (payload.op === 'reply') {
    const body = typeof payload.body === 'string' ? payload.body : '';
    if (!/\S/.test(body)) return { ok: false, message: 'body: write the reply first' };
    if (body.length > 20_000) return { ok: false, message: 'body: at most 20000 characters' };
    return { ok: true, op: 'reply', body };
  }
  if (payload.op === 'attach') {
    const accountId = typeof payload.accountId === 'string' ? payload.accountId.trim() : '';
    if (!UUID.test(accountId)) return { ok: false, message: 'accountId: must be an account id (a uuid)' };
    const reason = typeof payload.reason === 'string' && /\S/.test(payload.reason) ? payload.reason.slice(0, 1000) : null;
    return { ok: true, op: 'attach', accountId, reason };
  }
  return { ok: false, message: 'op: must be reply or attach' };
}
