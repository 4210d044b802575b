import type { BounceEffect, BounceReason } from '@relance/mail/classification';
import { originalId, type BounceSpec, type Language } from './render-parts';

/** What the classifier must say of a corpus message. */
export type Expected =
  | { kind: 'bounce'; reason: BounceReason; status: string | null; effect: BounceEffect }
  | { kind: 'complaint'; feedbackType: string };

export interface CorpusMessage {
  /** Unique, names the case in test output and in the benchmark. */
  name: string;
  /** The whole message, as it lands in the mailbox. */
  raw: string;
  /** The Message-ID of ours the message is about, as the classifier must find it. */
  originalMessageId: string;
  expected: Expected;
}

type Renderer = (spec: BounceSpec) => string;

interface Options {
  action?: 'failed' | 'delayed';
  language?: Language;
  diagnosticType?: 'smtp' | 'x-postfix';
}

/**
 * One bounce of the corpus: `render` writes it in its server's format around `diagnostic` and the
 * DSN `status` given (null: none written), and the classifier must find [reason, status, effect].
 */
export function bounce(
  name: string,
  render: Renderer,
  status: string | null,
  diagnostic: string,
  [reason, refined, effect]: [BounceReason, string | null, BounceEffect],
  options: Options = {},
): CorpusMessage {
  const id = name.replace(/[^a-z0-9]+/gi, '-');
  const recipient = `${id.slice(0, 40)}@prospect.example`;
  return {
    name,
    raw: render({ id, recipient, status, diagnostic, ...options }),
    originalMessageId: originalId(id),
    expected: { kind: 'bounce', reason, status: refined, effect },
  };
}
