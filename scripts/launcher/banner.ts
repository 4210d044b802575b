import type { NoDemoMailbox } from './demo-mail/demo-mail-servers';

/** What npm start knows once everything answers: what the banner shows. */
export interface BannerFacts {
  readonly apiUrl: string;
  /** The worker's HTTP server (/metrics, /health). */
  readonly workerUrl: string;
  readonly temporalUiUrl: string | undefined;
  readonly apiKey: string;
  /** The staff console and its demo admin's login (made on first start). */
  readonly console: { readonly url: string; readonly email: string; readonly password: string };
  readonly inboxUrl: string;
  readonly prospects: readonly { readonly id: string; readonly email: string }[];
  /** The demo mailbox, or why there is none and the command that fixes it. */
  readonly mailbox:
    | { readonly ready: true; readonly id: string; readonly email: string }
    | ({ readonly ready: false } & NoDemoMailbox);
}

/** The steps of the first campaign: an email, a wait, a follow-up on the same thread. */
export const WALKTHROUGH_STEPS = [
  { type: 'email', subject: 'Quick question, {{ firstName }}', body: 'Hi {{ firstName }}, how are things at {{ company }}?' },
  { type: 'wait', amount: 2, unit: 'days' },
  { type: 'email', body: 'Just following up, {{ firstName | default: "there" }}.' },
] as const;

/**
 * Where to click, the demo key and mailbox, and a copy-paste walkthrough (bash) of the first
 * campaign: launch, see the email in the demo inbox, reply as the prospect, see it `replied`.
 */
export function renderBanner(facts: BannerFacts): string {
  const { apiUrl, mailbox } = facts;
  const lines = [
    '',
    `  API          ${apiUrl}/v1`,
    `  API docs     ${apiUrl}/docs`,
    `  Health       ${apiUrl}/health   worker: ${facts.workerUrl}/health`,
    `  Metrics      ${apiUrl}/metrics   worker: ${facts.workerUrl}/metrics   (Prometheus text)`,
    `  Console      ${facts.console.url}   (staff: ${facts.console.email} / ${facts.console.password})`,
    `  Temporal UI  ${facts.temporalUiUrl ?? '(external Temporal: see your own UI)'}`,
    ...(facts.temporalUiUrl
      ? [`  Codec        ${new URL(facts.console.url).origin}/codec   (the UI decodes payloads with your console session: operator or admin;`,
        `               in the UI's codec settings, tick "Include cross-origin credentials")`]
      : []),
    `  Demo inbox   ${facts.inboxUrl}   (every email Relance sends lands here; reply as the prospect)`,
    `  Demo API key ${facts.apiKey}`,
    mailbox.ready
      ? `  Demo mailbox ${mailbox.id}   (${mailbox.email})`
      : `  Demo mailbox none: ${mailbox.reason}`,
    `  Prospects    ${facts.prospects.map((p) => `${p.email} ${p.id}`).join('\n               ')}`,
    '',
  ];
  if (!mailbox.ready) {
    lines.push(...mailbox.fix.map((line) => `  ${line}`), '');
  } else {
    const campaign = JSON.stringify({ name: 'First campaign', mailboxId: mailbox.id, steps: WALKTHROUGH_STEPS });
    const launch = JSON.stringify({ prospectIds: facts.prospects.map((p) => p.id) });
    lines.push(
      '  Your first campaign in five minutes (paste into bash):',
      `    KEY=${facts.apiKey}; API=${apiUrl}/v1; INBOX=${facts.inboxUrl}`,
      `    H="Authorization: Bearer $KEY"; J="content-type: application/json"`,
      `    id() { node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).id'; }`,
      `    CAMPAIGN=$(curl -s -H "$H" -H "$J" $API/campaigns -d '${campaign}' | id)`,
      `    curl -s -H "$H" -H "$J" $API/campaigns/$CAMPAIGN/launch -d '${launch}'`,
      '  Open the demo inbox to see the emails and reply as a prospect, or reply to the newest one here:',
      `    curl -s -X POST $INBOX/api/messages/latest/reply -d text='Sounds good, call me on Thursday'`,
      '  A few seconds later that prospect\'s enrollment is "replied" and gets no follow-up:',
      '    curl -s -H "$H" $API/campaigns/$CAMPAIGN/enrollments',
      '',
    );
  }
  lines.push('  Ctrl-C stops everything.', '');
  return lines.join('\n');
}
