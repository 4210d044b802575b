import type { CorpusMessage } from './corpus-case';
import { arfReport, type ComplaintSpec } from './render-arf';
import { originalId } from './render-parts';

function complaint(name: string, spec: Omit<ComplaintSpec, 'id'>): CorpusMessage {
  const id = name.replace(/[^a-z0-9]+/gi, '-');
  return { name, raw: arfReport({ id, ...spec }), originalMessageId: originalId(id), expected: { kind: 'complaint', feedbackType: spec.feedbackType } };
}

/** Feedback-loop reports (ARF): the recipient asked not to be mailed. */
export const COMPLAINTS: CorpusMessage[] = [
  complaint('yahoo abuse', { feedbackType: 'abuse', provider: 'yahoo', recipient: 'jane@yahoo.example' }),
  complaint('microsoft jmrp redacted', { feedbackType: 'abuse', provider: 'microsoft', recipient: null }),
  complaint('comcast abuse headers only', { feedbackType: 'abuse', provider: 'comcast', recipient: 'jane@comcast.example', headersOnly: true }),
  complaint('generic opt-out', { feedbackType: 'opt-out', provider: 'generic', recipient: 'jane@isp.example' }),
  complaint('generic fraud', { feedbackType: 'fraud', provider: 'generic', recipient: null }),
  complaint('generic virus', { feedbackType: 'virus', provider: 'generic', recipient: null, headersOnly: true }),
  complaint('generic not-spam', { feedbackType: 'not-spam', provider: 'generic', recipient: 'jane@isp.example' }),
  complaint('generic other', { feedbackType: 'other', provider: 'generic', recipient: null }),
  complaint('yahoo auth-failure', { feedbackType: 'auth-failure', provider: 'yahoo', recipient: null }),
];
