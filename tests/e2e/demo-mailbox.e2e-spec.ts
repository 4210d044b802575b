import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from 'pg';
import { createDatabase, databaseUrl, dropDatabase, getFreePort } from '@relance/devservices';
import { testEnv } from '../harness/env';
import { ApiClient, eventually } from '../support/api-client';
import { startLauncher, type LauncherProcess } from '../support/launcher-process';
import { descendantsOf, stillRuns } from '../support/process-tree';

const INSTALL = 'apt-get install -y dovecot-imapd dovecot-lmtpd';

interface Caught {
  id: string;
  to: string[];
  subject: string;
  messageId: string;
  relance: { campaignId: string; enrollmentId: string; status: string } | null;
  canReply: boolean;
}

/** What npm start printed: where to click, the demo ids, and the walkthrough's request bodies. */
function banner(output: string) {
  const match = (pattern: RegExp) => {
    const found = pattern.exec(output)?.[1];
    assert.ok(found, `${pattern} not in the output:\n${output}`);
    return found;
  };
  return {
    key: match(/Demo API key\s+(\S+)/),
    inboxUrl: match(/Demo inbox\s+(http:\/\/127\.0\.0\.1:\d+)/),
    mailboxId: match(/Demo mailbox\s+([0-9a-f-]{36})/),
    prospects: Object.fromEntries([...output.matchAll(/(\w+)@prospect\.example ([0-9a-f-]{36})/g)].map((m) => [m[1], m[2]])),
    campaignBody: JSON.parse(match(/\$API\/campaigns -d '([^']+)'/)),
    launchBody: JSON.parse(match(/\/launch -d '([^']+)'/)),
  };
}

async function caughtMail(inboxUrl: string): Promise<Caught[]> {
  const response = await fetch(`${inboxUrl}/api/messages`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { data: Caught[] }).data;
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/**
 * The README's first campaign with npm start alone: the launcher runs as a user starts it, on
 * the harness's PostgreSQL and Temporal, in production mode (where private mail hosts are
 * refused unless the launcher allows them for its demo servers).
 */
describe('npm start: the demo mailbox, from launch to reply to a stopped sequence', () => {
  const { adminDatabaseUrl, temporalAddress } = testEnv();
  const database = `relance_demo_${process.pid}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'relance-demo-'));
  let env: Record<string, string | undefined>;
  let firstRun: ReturnType<typeof banner>;

  before(async () => {
    chmodSync(dataDir, 0o755); // as .data is: Dovecot's mail processes must enter it
    env = {
      DATABASE_URL: await createDatabase(adminDatabaseUrl, database),
      // The launcher's default: the vault's database beside it (<database>_vault), created by its migration.
      VAULT_DATABASE_URL: undefined,
      TEMPORAL_ADDRESS: temporalAddress,
      API_PORT: String(await getFreePort()),
      CONSOLE_PORT: String(await getFreePort()),
      // Not the launcher's preferred 3001: CI runs two suites side by side, each with its npm start.
      WORKER_HTTP_PORT: String(await getFreePort()),
      RELANCE_DATA_DIR: dataDir,
      NODE_ENV: 'production',
      MAIL_PRIVATE_HOSTS: undefined,
      WORKER_SHUTDOWN_GRACE: '1s',
      LOG_LEVEL: 'warn',
    };
  });

  after(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase(adminDatabaseUrl, database);
    await dropDatabase(adminDatabaseUrl, `${database}_vault`);
  });

  it('sends to the demo inbox, takes the prospect\'s reply, ends that sequence, and Ctrl-C stops every child', async () => {
    const launcher = await startLauncher(env);
    let stopped = false;
    try {
      const printed = (firstRun = banner(launcher.output()));
      const apiUrl = `http://127.0.0.1:${env.API_PORT}`;
      const api = new ApiClient(apiUrl, printed.key);
      assert.deepEqual(Object.keys(printed.prospects).sort(), ['ada', 'alan', 'grace']);
      // The staff console runs beside the API, on its own port, with the demo admin's login printed.
      const consoleLine = /Console\s+(http:\S+)\s+\(staff: admin@demo\.relance\.test \/ (\S+)\)/.exec(launcher.output());
      assert.ok(consoleLine, launcher.output());
      assert.equal(consoleLine[1], `http://127.0.0.1:${env.CONSOLE_PORT}/admin`);
      assert.equal((await fetch(`http://127.0.0.1:${env.CONSOLE_PORT}/health`)).status, 200);

      // The demo mailbox's credentials went into the vault's own database, which the launch created.
      const vault = new Client({ connectionString: databaseUrl(adminDatabaseUrl, `${database}_vault`) });
      await vault.connect();
      try {
        const { rows } = await vault.query('SELECT mailbox_id FROM mailbox_secrets');
        assert.deepEqual(rows.map((row) => row.mailbox_id), [printed.mailboxId]);
      } finally {
        await vault.end();
      }

      // The walkthrough as printed: its campaign on the demo mailbox, launched for the demo prospects.
      assert.equal(printed.campaignBody.mailboxId, printed.mailboxId);
      assert.deepEqual([...printed.launchBody.prospectIds].sort(), Object.values(printed.prospects).sort());
      const campaign = await api.post('/v1/campaigns', printed.campaignBody);
      assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
      const launch = await api.post(`/v1/campaigns/${campaign.body.id}/launch`, printed.launchBody);
      assert.equal(launch.status, 202, JSON.stringify(launch.body));

      const emails = await eventually('three emails in the demo inbox', async () => {
        const caught = await caughtMail(printed.inboxUrl);
        return caught.length === 3 ? caught : undefined;
      });
      const to = (name: string) => emails.find((email) => email.to[0] === `${name}@prospect.example`)!;
      assert.equal(to('ada').subject, 'Quick question, Ada');
      for (const email of emails) {
        assert.equal(email.relance?.campaignId, campaign.body.id, 'each email names its campaign');
        assert.equal(email.canReply, true);
      }
      const page = await (await fetch(printed.inboxUrl)).text();
      assert.match(page, /Quick question, Grace/);
      assert.match(page, /Reply as ada@prospect\.example/);

      // Ada answers through the documented route; Grace is away.
      const reply = await fetch(`${printed.inboxUrl}/api/messages/${to('ada').id}/reply`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Sounds good, call me.' }),
      });
      assert.equal(reply.status, 201);
      assert.equal(((await reply.json()) as { inReplyTo: string }).inReplyTo, to('ada').messageId);
      const away = await fetch(`${printed.inboxUrl}/api/messages/${to('grace').id}/reply`, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'kind=out_of_office',
      });
      assert.equal(away.status, 201);

      const enrollmentOf = async (name: string) => {
        const list = await api.get(`/v1/campaigns/${campaign.body.id}/enrollments`);
        return list.body.data.find((e: { prospectId: string }) => e.prospectId === printed.prospects[name]);
      };
      await eventually('Ada replied', async () => ((await enrollmentOf('ada')).status === 'replied' ? true : undefined));
      await eventually('Grace paused until her return', async () => ((await enrollmentOf('grace')).pausedUntil ? true : undefined));
      const grace = await enrollmentOf('grace');
      assert.deepEqual([grace.status, grace.pauseReason], ['paused', 'out_of_office'], 'held until she is back');
      assert.equal((await enrollmentOf('alan')).status, 'active');
      assert.match(await (await fetch(printed.inboxUrl)).text(), /is <b class="status">replied<\/b>/);

      // Ctrl-C: every process npm start started ends, and its own servers close.
      const children = descendantsOf(launcher.child.pid!);
      const programs = children.map((child) => child.program);
      assert.ok(programs.includes('dovecot'), `Dovecot runs under the launcher: ${programs.join(', ')}`);
      assert.ok(programs.filter((program) => program === 'node').length >= 2, `API and worker run under the launcher: ${programs.join(', ')}`);
      const catcherPort = Number(/SMTP on 127\.0\.0\.1:(\d+)/.exec(launcher.output())![1]);
      stopped = true;
      assert.equal(await launcher.interrupt(), 0, launcher.output());
      // Dovecot's log process may outlive its master by a moment (CI, loaded, saw it): gone within seconds.
      const left = () => children.filter(stillRuns).map((child) => `${child.name} ${child.pid}`);
      await eventually('every child of npm start to end', async () => (left().length === 0 ? true : undefined), 5_000).catch(() => undefined);
      assert.deepEqual(left(), []);
      assert.equal(await refusesConnections(catcherPort), true, 'the catcher stopped');
      assert.equal(await refusesConnections(Number(new URL(printed.inboxUrl).port)), true, 'the inbox page stopped');
      assert.equal(await refusesConnections(Number(env.API_PORT)), true, 'the API stopped');
      assert.equal(await refusesConnections(Number(env.CONSOLE_PORT)), true, 'the console stopped');
    } finally {
      if (!stopped) await launcher.interrupt();
    }
  });

  it('a second npm start finds the same mailbox, prospects and caught mail, and still sees replies', async () => {
    const launcher = await startLauncher(env);
    try {
      const printed = banner(launcher.output());
      assert.equal(printed.mailboxId, firstRun.mailboxId);
      assert.deepEqual(printed.prospects, firstRun.prospects);
      const api = new ApiClient(`http://127.0.0.1:${env.API_PORT}`, printed.key);
      assert.equal((await api.get('/v1/mailboxes')).body.data.length, 1);
      assert.equal((await api.get('/v1/prospects')).body.data.length, 3);

      const emails = await caughtMail(printed.inboxUrl);
      assert.equal(emails.length, 3, 'the caught mail survived the restart');
      const alan = emails.find((email) => email.to[0] === 'alan@prospect.example')!;
      const reply = await fetch(`${printed.inboxUrl}/api/messages/${alan.id}/reply`, { method: 'POST' });
      assert.equal(reply.status, 201);
      await eventually('Alan replied', async () => {
        const enrollment = await api.get(`/v1/enrollments/${alan.relance!.enrollmentId}`);
        return enrollment.body.status === 'replied' ? true : undefined;
      });
    } finally {
      assert.equal(await launcher.interrupt(), 0, launcher.output());
    }
  });

  it('without Dovecot: starts everything else, says how to install it, and has no demo mailbox', async () => {
    const bare = `relance_demo_bare_${process.pid}`;
    const bareDir = mkdtempSync(join(tmpdir(), 'relance-demo-bare-'));
    const launcher = await startLauncher({
      ...env,
      DATABASE_URL: await createDatabase(adminDatabaseUrl, bare),
      RELANCE_DATA_DIR: bareDir,
      DOVECOT_PATH: join(bareDir, 'no-dovecot-here'),
    });
    try {
      const output = launcher.output();
      assert.match(output, /Demo mailbox\s+none: DOVECOT_PATH is \S+no-dovecot-here, which does not run Dovecot/);
      assert.ok(output.includes(`sudo ${INSTALL}`), output);
      assert.ok(output.includes(`as root: ${INSTALL}`), output);
      const key = /Demo API key\s+(\S+)/.exec(output)![1];
      const inboxUrl = /Demo inbox\s+(\S+)/.exec(output)![1];
      const api = new ApiClient(`http://127.0.0.1:${env.API_PORT}`, key);
      assert.deepEqual((await api.get('/v1/mailboxes')).body.data, []);
      const reply = await fetch(`${inboxUrl}/api/messages/latest/reply`, { method: 'POST' });
      assert.equal(reply.status, 503);
      const { error } = (await reply.json()) as { error: { code: string; message: string } };
      assert.equal(error.code, 'unavailable');
      assert.ok(error.message.includes(`there is no demo mailbox to reply into`) && error.message.includes(INSTALL), error.message);
      assert.match(await (await fetch(inboxUrl)).text(), new RegExp(`No demo mailbox[\\s\\S]*sudo ${INSTALL}`));
    } finally {
      assert.equal(await launcher.interrupt(), 0, launcher.output());
      rmSync(bareDir, { recursive: true, force: true });
      await dropDatabase(adminDatabaseUrl, bare);
      await dropDatabase(adminDatabaseUrl, `${bare}_vault`);
    }
  });
});
