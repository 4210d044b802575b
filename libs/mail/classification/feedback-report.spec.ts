import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeedbackReport } from './feedback-report';

const crlf = (...lines: string[]) => lines.join('\r\n');

describe('parseFeedbackReport', () => {
  it('reads the type, the recipient and the reporting MTA, keeping the id it is given', () => {
    const text = crlf(
      'Feedback-Type: Abuse',
      'User-Agent: SomeGenerator/1.0',
      'Version: 1',
      'Original-Rcpt-To: <jane@isp.example>',
      'Reporting-MTA: dns; mail.isp.example',
      '',
    );
    assert.deepEqual(parseFeedbackReport(text, '<relance.o1@seller.example>'), {
      feedbackType: 'abuse',
      originalMessageId: '<relance.o1@seller.example>',
      originalRecipient: 'jane@isp.example',
      reportingMta: 'mail.isp.example',
    });
  });

  it('says other for a report without a type, and null for what it does not name', () => {
    assert.deepEqual(parseFeedbackReport('Version: 1\r\n', null), { feedbackType: 'other', originalMessageId: null, originalRecipient: null, reportingMta: null });
  });

  it('keeps the first of repeated fields and unfolds continued ones', () => {
    const text = crlf('Feedback-Type: opt-out', 'Original-Rcpt-To:', ' <first@isp.example>', 'Original-Rcpt-To: <second@isp.example>');
    const report = parseFeedbackReport(text, null);
    assert.deepEqual([report.feedbackType, report.originalRecipient], ['opt-out', 'first@isp.example']);
  });
});
