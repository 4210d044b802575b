import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { enrollmentStatusQuery } from '@relance/temporal';
import { ApiClient, eventually } from '../support/api-client';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** ISO weekday (1 = Monday) of an instant in a time zone. */
const weekdayIn = (timeZone: string, at: Date) =>
  WEEKDAYS.indexOf(new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(at)) + 1;

/** Campaign sending settings: refused when malformed (naming the field), obeyed when valid. */
describe('sending window and rotation settings', () => {
  let stack: RelanceStack;
  let api: ApiClient;
  const mailboxIds: string[] = [];

  before(async () => {
    stack = await startRelanceStack();
    api = stack.api;
    for (const n of [3, 4]) mailboxIds.push(await stack.connectMailbox(api, n, { minSpacingSeconds: 0 }));
  });

  after(async () => {
    await stack?.stop();
  });

  const steps = [{ type: 'email', subject: 'Hi', body: 'Hello' }];
  const fieldsOf = (body: { error: { field?: string; details?: { field: string }[] } }) =>
    [body.error.field, ...(body.error.details ?? []).map((d) => d.field)];

  const refusals: [string, object, string][] = [
    ['a window with no hours', { sendingWindow: { days: [1, 2, 3], hours: [] } }, 'sendingWindow.hours'],
    ['a window with no days', { sendingWindow: { days: [], hours: [{ start: '09:00', end: '17:00' }] } }, 'sendingWindow.days'],
    ['a day that does not exist', { sendingWindow: { days: [1, 8], hours: [{ start: '09:00', end: '17:00' }] } }, 'sendingWindow.days.1'],
    ['hours ending before they start', { sendingWindow: { days: [1], hours: [{ start: '17:00', end: '09:00' }] } }, 'sendingWindow.hours.0'],
    ['a malformed hour', { sendingWindow: { days: [1], hours: [{ start: '9h', end: '17:00' }] } }, 'sendingWindow.hours.0.start'],
    ['overlapping hours', {
      sendingWindow: { days: [1], hours: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }] },
    }, 'sendingWindow.hours.1'],
    ['a time zone that does not exist', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['more than seven days', { sendingWindow: { days: [1, 2, 3, 4, 5, 6, 7, 1], hours: [{ start: '09:00', end: '17:00' }] } }, 'sendingWindow.days'],
    ['more than 24 hour ranges', {
      sendingWindow: { days: [1], hours: Array.from({ length: 25 }, (_, h) => ({ start: `${String(h % 24).padStart(2, '0')}:00`, end: '24:00' })) },
    }, 'sendingWindow.hours'],
  ];
  for (const [label, settings, field] of refusals) {
    it(`refuses ${label}, naming ${field}`, async () => {
      const res = await api.post('/v1/campaigns', { name: 'Window', mailboxId: mailboxIds[0], steps, ...settings });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.ok(fieldsOf(res.body).includes(field), JSON.stringify(res.body));
    });
  }

  it('refuses counting sending days without a window, and an unknown mailbox to rotate to', async () => {
    const days = await api.post('/v1/campaigns', {
      name: 'Days', mailboxId: mailboxIds[0],
      steps: [...steps, { type: 'wait', amount: 2, unit: 'days', sendingDaysOnly: true }, { type: 'email', body: 'Again' }],
    });
    assert.ok(fieldsOf(days.body).includes('steps.1.sendingDaysOnly'), JSON.stringify(days.body));
    const rotation = await api.post('/v1/campaigns', {
      name: 'Rotation', mailboxId: mailboxIds[0], mailboxIds: ['00000000-0000-4000-8000-000000000000'], steps,
    });
    assert.equal(rotation.status, 404);
    assert.equal(rotation.body.error.field, 'mailboxIds.0');
  });

  it('holds every email until the window opens, in the prospect time zone', async () => {
    // A window open only the day after tomorrow, in the prospect's time zone.
    const zone = 'Pacific/Auckland';
    const otherDay = ((weekdayIn(zone, new Date()) + 1) % 7) + 1;
    const campaign = await api.post('/v1/campaigns', {
      name: 'Closed now', mailboxId: mailboxIds[0], mailboxIds: [mailboxIds[1]], timeZone: 'UTC',
      sendingWindow: { days: [otherDay], hours: [{ start: '00:00', end: '24:00' }] },
      steps,
    });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    assert.deepEqual(campaign.body.sendingWindow, { days: [otherDay], hours: [{ start: '00:00', end: '24:00' }] });
    await api.post('/v1/prospects', { email: 'kiwi@prospects.test', timeZone: zone });
    assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true })).status, 202);
    const [enrollment] = await eventually('enrollment', async () => {
      const list = (await api.get(`/v1/campaigns/${campaign.body.id}/enrollments`)).body.data;
      return list?.length ? list : undefined;
    });
    const view = await eventually('a wait for the window', async () => {
      const status = await stack.temporal.client.workflow.getHandle(enrollment.workflowId).query(enrollmentStatusQuery).catch(() => null);
      return status?.phase === 'waiting' ? status : undefined;
    });
    const opens = new Date(view.waitingUntil!);
    assert.equal(weekdayIn(zone, opens), otherDay, 'opens on the window day, in Auckland');
    assert.ok(opens.getTime() > Date.now(), 'in the future');
    assert.equal(stack.smtp.messages.filter((m) => m.envelope.to.includes('kiwi@prospects.test')).length, 0, 'nothing sent yet');
    await stack.temporal.client.workflow.getHandle(enrollment.workflowId).terminate('test over');
  });
});
