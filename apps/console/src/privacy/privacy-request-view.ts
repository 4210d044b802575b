import type { PrivacyRequest, PrivacyRequestEvent } from '@relance/db';

/**
 * What the privacy-request screen shows: kinds, ids and dates, the requester's message while
 * open, and whether a certificate is there to download. No address: staff need none to act.
 */
export function privacyRequestView(request: PrivacyRequest, events: readonly PrivacyRequestEvent[], now: Date) {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  const open = request.status === 'awaiting_verification' || request.status === 'verified';
  return {
    id: request.id, type: request.type, status: request.status, subjectKind: request.subjectKind, requester: request.requester,
    accountId: request.accountId, prospectId: request.prospectId, userId: request.userId, message: request.message,
    verificationMethod: request.verificationMethod, verifiedAt: iso(request.verifiedAt), dueAt: iso(request.dueAt),
    overdue: request.status === 'verified' && request.dueAt !== null && request.dueAt <= now,
    extendedAt: iso(request.extendedAt), completedAt: iso(request.completedAt), createdAt: request.createdAt.toISOString(),
    hasCertificate: request.certificate !== null,
    /** The forms that make sense now; the services check again (and say why) when a form is stale. */
    can: {
      verify: request.status === 'awaiting_verification',
      reject: open,
      extend: request.status === 'verified' && request.extendedAt === null,
      rectify: request.type === 'rectification' && request.status === 'verified',
    },
    events: events.map((event) => ({ kind: event.kind, details: event.details, occurredAt: event.occurredAt.toISOString() })),
  };
}
