import type { BannerFacts } from '../banner';
import type { LauncherApi } from '../launcher-api';
import { DEMO_REP, type DemoMailServers } from './demo-mail-servers';
import { ensureDemoMailbox, ensureDemoProspects, type DemoProspect } from './demo-workspace';
import { startDemoInbox, type DemoInbox } from './inbox-server';
import { composeProspectReply, deliverReply } from './prospect-reply';
import { relanceThreads } from './relance-threads';

export interface DemoSetup {
  readonly mailbox: BannerFacts['mailbox'];
  readonly prospects: readonly DemoProspect[];
  readonly inbox: DemoInbox;
}

/**
 * Once the API answers: the demo prospects, the demo mailbox (when its servers run), and the
 * demo inbox page. A mailbox the API refuses (MAIL_PRIVATE_HOSTS=deny, say) is reported, not
 * fatal: everything else is still worth using.
 */
export async function setUpDemo(options: {
  api: LauncherApi;
  databaseUrl: string;
  servers: DemoMailServers;
  log: (line: string) => void;
}): Promise<DemoSetup> {
  const { api, servers, log } = options;
  const prospects = await ensureDemoProspects(api);
  let mailbox: BannerFacts['mailbox'];
  if (!servers.imap) {
    mailbox = { ready: false, ...servers.missing! };
  } else {
    try {
      const id = await ensureDemoMailbox(api, { smtpPort: servers.catcher.port, imap: servers.imap }, options.databaseUrl, log);
      mailbox = { ready: true, id, email: DEMO_REP.email };
    } catch (error) {
      const reason = `the API did not take it: ${(error as Error).message}`;
      log(`no demo mailbox: ${reason}`);
      mailbox = { ready: false, reason, fix: ['Fix what the API says above, then run npm start again.'] };
    }
  }
  const imap = servers.imap;
  const reply = mailbox.ready && imap
    ? (email: Parameters<typeof composeProspectReply>[0], input: { kind: 'reply' | 'out_of_office'; text?: string }) =>
        deliverReply(composeProspectReply(email, input, DEMO_REP.email, new Date()), { host: imap.host, port: imap.lmtpPort })
    : undefined;
  const inbox = await startDemoInbox({
    port: servers.ports.inbox,
    catcher: servers.catcher,
    apiUrl: api.baseUrl,
    threadOf: relanceThreads(api, prospects),
    reply,
    demoMailbox: DEMO_REP.email,
    missing: mailbox.ready ? undefined : { reason: mailbox.reason, fix: mailbox.fix },
  });
  return { mailbox, prospects, inbox };
}
