import type { AuditTrail } from '@relance/privacy/audit-trail';
import type { PrivacyRequestRepository } from '@relance/privacy/requests';
import { sessionUser } from '../admin/console-user';
import type { ConsoleRequest, ConsoleResponse, Next } from '../admin/http-types';

/** Below the privacy requests resource's API path, so the role guard closes it like the rest of the resource. */
export const CERTIFICATE_PATH = '/api/resources/privacy_requests/records/:id/certificate';

/**
 * The signed certificate of a closed request, as a .jws file (compact JWS: anyone checks it at
 * the API's /v1/privacy-requests/certificates/verify). Each download is audited.
 */
export function certificateDownload(requests: PrivacyRequestRepository, audit: AuditTrail) {
  return async (request: ConsoleRequest & { params: { id: string } }, response: ConsoleResponse, next: Next) => {
    try {
      const id = request.params.id;
      const found = await requests.find(id);
      if (!found?.certificate) {
        return void response.status(404).type('text/plain').send(found ? `Privacy request ${id} has no certificate yet (it is ${found.status}).` : `No privacy request ${id}.`);
      }
      await audit.record({
        actor: { kind: 'staff', id: sessionUser(request.session)?.id ?? null }, action: 'privacy_request.certificate_downloaded',
        target: { type: 'privacy_request', id }, accountId: found.accountId, details: { via: 'console' },
      });
      response.setHeader('content-disposition', `attachment; filename="privacy-request-${id}.jws"`);
      response.type('application/jose').send(found.certificate);
    } catch (error) {
      next(error);
    }
  };
}
