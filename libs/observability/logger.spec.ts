import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { createLogger, NestPinoLogger } from './logger';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', service: 'spec', destination }) };
}

describe('createLogger', () => {
  it('writes ids and masks addresses in messages, format arguments and objects', () => {
    const { lines, logger } = capture();
    logger.info({ enrollmentId: 'e1', reason: 'refused: <ada@x.com>' }, 'send to %s failed', 'bob@y.test');
    logger.warn('550 <carol@z.test> user unknown');
    const [first, second] = lines.map((line) => JSON.parse(line));
    assert.deepEqual([first.enrollmentId, first.reason, first.msg, first.service], ['e1', 'refused: <[email]>', 'send to [email] failed', 'spec']);
    assert.equal(second.msg, '550 <[email]> user unknown');
  });

  it('redacts declared fields at any depth, and in child bindings', () => {
    const { lines, logger } = capture();
    logger.child({ mailboxId: 'm1', username: 'rep@example.com' }).error(
      { settings: { smtp: { password: 'pw-1', host: 'smtp.example.com' } }, prospect: { firstName: 'Ada', lastName: 'Lovelace' } },
      'login failed',
    );
    const text = lines.join('\n');
    for (const secret of ['pw-1', 'rep@example.com', 'Ada', 'Lovelace']) assert.equal(text.includes(secret), false, secret);
    const line = JSON.parse(lines[0]);
    assert.equal(line.mailboxId, 'm1');
    assert.equal(line.settings.smtp.host, 'smtp.example.com');
  });

  it('logs an error with its masked message and stack, as the first argument or under err', () => {
    const { lines, logger } = capture();
    logger.error(new Error('Key (email)=(ada@x.com) already exists'));
    logger.error({ err: new Error('to <bob@y.test>') }, 'send failed');
    const [first, second] = lines.map((line) => JSON.parse(line));
    assert.equal(first.msg, 'Key (email)=([email]) already exists');
    assert.match(first.err.stack, /^Error: Key \(email\)=\(\[email\]\) already exists/);
    assert.deepEqual([second.msg, second.err.message], ['send failed', 'to <[email]>']);
  });

  it('masks what Nest logs through it, stack traces included', () => {
    const { lines, logger } = capture();
    new NestPinoLogger(logger).error('query failed for ada@x.com', 'Error: ada@x.com\n    at x', 'Service');
    assert.equal(lines.join('').includes('ada@x.com'), false);
  });
});
