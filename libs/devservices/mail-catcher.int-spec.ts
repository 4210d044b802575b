import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createTransport } from 'nodemailer';
import { startMailCatcher } from './mail-catcher';

describe('mail catcher', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relance-catcher-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts any login and recipient, lists newest first, and keeps the mail across a restart', async () => {
    const catcher = await startMailCatcher({ dir });
    const port = catcher.port;
    const transport = createTransport({ host: catcher.host, port, secure: false, auth: { user: 'rep', pass: 'anything' } });
    try {
      await transport.sendMail({
        from: 'Rita Rep <rep@demo.relance.test>', to: 'ada@prospect.example', subject: 'First', text: 'Hello Ada',
        messageId: '<relance.first@demo.relance.test>',
      });
      await transport.sendMail({
        from: 'rep@demo.relance.test', to: 'Grace <Grace@Prospect.example>', subject: 'Second', text: 'Hello Grace',
        references: ['<relance.first@demo.relance.test>'],
      });
    } finally {
      transport.close();
      await catcher.stop();
    }

    const again = await startMailCatcher({ dir, port });
    try {
      const [second, first] = await again.list();
      assert.equal(first.subject, 'First');
      assert.deepEqual(first.from, { address: 'rep@demo.relance.test', name: 'Rita Rep' });
      assert.deepEqual(first.to, ['ada@prospect.example']);
      assert.equal(first.text.trim(), 'Hello Ada');
      assert.equal(first.messageId, '<relance.first@demo.relance.test>');
      assert.equal(second.subject, 'Second');
      assert.deepEqual(second.to, ['grace@prospect.example'], 'addresses are lower-cased');
      assert.deepEqual(second.references, ['<relance.first@demo.relance.test>']);
      assert.ok(first.receivedAt <= second.receivedAt);
      assert.deepEqual(await again.get(first.id), first);
      assert.equal(await again.get('../../etc/passwd'), undefined, 'ids are checked before any file is read');
      assert.deepEqual((await again.list(1)).map((email) => email.id), [second.id]);
    } finally {
      await again.stop();
    }
  });
});
