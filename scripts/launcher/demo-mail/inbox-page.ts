import escapeHtml from 'escape-html';
import type { CaughtEmail } from '@relance/devservices';
import type { NoDemoMailbox } from './demo-mail-servers';
import { DEFAULT_REPLY_TEXT } from './prospect-reply';
import type { RelanceThread } from './relance-threads';

export interface InboxEntry {
  readonly email: CaughtEmail;
  readonly thread: RelanceThread | undefined;
  /** Whether the prospect can answer it (sent from the demo mailbox, which exists). */
  readonly canReply: boolean;
}

export interface InboxView {
  readonly entries: readonly InboxEntry[];
  /** This page's own address, for the curl examples. */
  readonly inboxUrl: string;
  readonly apiUrl: string;
  readonly catcher: string;
  /** The demo mailbox's address; absent when there is none. */
  readonly demoMailbox: string | undefined;
  /** Why there is no demo mailbox, and how to get one. */
  readonly missing: NoDemoMailbox | undefined;
  /** A line to show once, after a reply was delivered or refused. */
  readonly notice: { readonly kind: 'done' | 'error'; readonly text: string } | undefined;
}

/** The demo inbox: the mail npm start's catcher kept, newest first, each with its reply forms. */
export function renderInboxPage(view: InboxView): string {
  const h = escapeHtml;
  const notice = view.notice ? `<p class="notice ${view.notice.kind}">${h(view.notice.text)}</p>` : '';
  const missing = view.missing
    ? `<p class="notice error">No demo mailbox, so no replies: ${h(view.missing.reason)}.</p>
       <pre>${h(view.missing.fix.join('\n'))}</pre>`
    : '';
  const intro = view.demoMailbox
    ? `Every email Relance sends through the demo mail catcher (SMTP ${h(view.catcher)}) lands here and nowhere else.
       Answer as the prospect: the reply is delivered into the INBOX of <b>${h(view.demoMailbox)}</b>, where Relance
       sees it within seconds and stops that prospect's sequence.`
    : `Every email sent through the demo mail catcher (SMTP ${h(view.catcher)}) lands here and nowhere else.`;
  const list = view.entries.length
    ? view.entries.map((entry) => renderEntry(entry, view)).join('\n')
    : '<p class="empty">Nothing caught yet. Launch a campaign on the demo mailbox, then reload this page.</p>';
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Relance demo inbox</title>
  <style>
    body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
    article { border: 1px solid #ddd; border-radius: 6px; padding: .8rem 1rem; margin: 1rem 0; }
    article h2 { font-size: 1.1rem; margin: .3rem 0; }
    .meta { color: #666; font-size: .85rem; }
    pre { white-space: pre-wrap; background: #f7f7f7; padding: .6rem; border-radius: 4px; }
    textarea { width: 100%; box-sizing: border-box; font: inherit; }
    form { display: inline-block; margin: .3rem .5rem .3rem 0; vertical-align: top; }
    form.reply { display: block; }
    .notice { padding: .6rem .8rem; border-radius: 4px; }
    .done { background: #e7f6e7; } .error { background: #fbe9e9; }
    code { background: #f0f0f0; padding: 0 .2rem; }
  </style>
</head>
<body>
  <h1>Relance demo inbox</h1>
  <p>${intro} <a href="/">Reload</a></p>
  ${notice}
  ${missing}
  ${list}
  <h2>With curl</h2>
  <pre>curl -s ${h(view.inboxUrl)}/api/messages
curl -s -X POST ${h(view.inboxUrl)}/api/messages/latest/reply -d text='Sounds good, call me'
curl -s -X POST ${h(view.inboxUrl)}/api/messages/&lt;id&gt;/reply -d kind=out_of_office</pre>
</body>
</html>
`;
}

function renderEntry({ email, thread, canReply }: InboxEntry, view: InboxView): string {
  const h = escapeHtml;
  const from = email.from ? (email.from.name ? `${email.from.name} <${email.from.address}>` : email.from.address) : '(no sender)';
  const to = email.to.join(', ') || '(no recipient)';
  const prospect = email.to[0] ?? '';
  const paused = thread?.pausedUntil ? `, no email before ${h(thread.pausedUntil)}` : '';
  const relance = thread
    ? `<p class="meta">Campaign <code>${h(thread.campaignId)}</code> · enrollment <code>${h(thread.enrollmentId)}</code>
       is <b class="status">${h(thread.status)}</b>${paused}:
       <code>curl -H "Authorization: Bearer $KEY" ${h(view.apiUrl)}/v1/enrollments/${h(thread.enrollmentId)}</code></p>`
    : '';
  const action = `/messages/${h(email.id)}/reply`;
  const forms = canReply
    ? `<form class="reply" method="post" action="${action}"><input type="hidden" name="kind" value="reply">
         <textarea name="text" rows="3">${h(DEFAULT_REPLY_TEXT)}</textarea>
         <button>Reply as ${h(prospect)}</button>
       </form>
       <form method="post" action="${action}"><input type="hidden" name="kind" value="out_of_office">
         <button>Send an out-of-office reply as ${h(prospect)}</button>
       </form>`
    : '';
  return `<article id="${h(email.id)}">
  <p class="meta"><time datetime="${email.receivedAt.toISOString()}">${h(email.receivedAt.toISOString().replace('T', ' ').slice(0, 19))} UTC</time>
    · from ${h(from)} · to ${h(to)} · id <code>${h(email.id)}</code></p>
  <h2>${h(email.subject || '(no subject)')}</h2>
  ${relance}
  <pre>${h(email.text.trimEnd())}</pre>
  ${forms}
</article>`;
}
