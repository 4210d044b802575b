import type { SystemMail } from '@relance/privacy/requests/system-mailer';

/** The owner's notice that Relance stopped posting to one of their endpoints, and how to resume. */
export function endpointDisabledMail(to: string, endpoint: { id: string; url: string }, failures: number): SystemMail {
  return {
    to,
    subject: 'Relance: a webhook endpoint was disabled',
    text: [
      `Relance stopped posting events to your webhook endpoint ${endpoint.url} (id ${endpoint.id}):`,
      `its last ${failures} deliveries failed, each after every retry.`,
      '',
      'Each attempt and what your server answered is listed by',
      `GET /v1/webhook-endpoints/${endpoint.id}/deliveries. Once it answers again, turn it back on with`,
      `PATCH /v1/webhook-endpoints/${endpoint.id} {"enabled": true}.`,
    ].join('\n'),
  };
}
