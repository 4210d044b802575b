import { RECIPIENT_GONE } from './cases-recipient-gone';
import { RETRY_LATER } from './cases-retry';
import { SENDER_PROBLEM } from './cases-sender';
import { NO_EFFECT } from './cases-other';
import { COMPLAINTS } from './cases-complaints';
import type { CorpusMessage } from './corpus-case';

export type { CorpusMessage, Expected } from './corpus-case';

/**
 * Every bounce and complaint of the corpus, rendered whole, each with what it must be read as.
 * Written for Relance from the formats the servers send; no third-party fixture is copied.
 */
export const BOUNCE_CORPUS: readonly CorpusMessage[] = [...RECIPIENT_GONE, ...RETRY_LATER, ...SENDER_PROBLEM, ...NO_EFFECT, ...COMPLAINTS];
