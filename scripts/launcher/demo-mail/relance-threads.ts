import type { CaughtEmail } from '@relance/devservices';
import { normalizeMessageId } from '@relance/mail';
import type { LauncherApi } from '../launcher-api';
import type { DemoProspect } from './demo-workspace';

/** Where a caught email comes from in Relance, and where its enrollment is now. */
export interface RelanceThread {
  readonly prospectId: string;
  readonly campaignId: string;
  readonly enrollmentId: string;
  /** The enrollment's status when the page was drawn (active, replied, …). */
  readonly status: string;
  /** Set after an out-of-office reply: no email before then. */
  readonly pausedUntil: string | null;
}

interface ConversationEntry {
  direction: 'outbound' | 'inbound';
  messageIdHeader: string | null;
  campaignId: string;
  enrollmentId: string;
}

type Origin = Pick<RelanceThread, 'prospectId' | 'campaignId' | 'enrollmentId'>;

/**
 * Finds the campaign and enrollment of an email sent to a demo prospect: its Message-ID is in
 * that prospect's conversation, read through the API with the demo key; the enrollment's
 * status is read anew each time. Emails to anyone else (a mailbox of your own sending through
 * the catcher) are shown without.
 */
export function relanceThreads(api: LauncherApi, prospects: readonly DemoProspect[]) {
  const byEmail = new Map(prospects.map((prospect) => [prospect.email, prospect.id]));
  const known = new Map<string, Origin>();
  const originOf = async (messageId: string, prospectId: string): Promise<Origin | undefined> => {
    if (!known.has(messageId)) {
      for (const entry of await api.all<ConversationEntry>(`/v1/prospects/${prospectId}/conversation`)) {
        const sent = entry.direction === 'outbound' && entry.messageIdHeader && normalizeMessageId(entry.messageIdHeader);
        if (sent) known.set(sent, { prospectId, campaignId: entry.campaignId, enrollmentId: entry.enrollmentId });
      }
    }
    return known.get(messageId);
  };
  return async (email: CaughtEmail): Promise<RelanceThread | undefined> => {
    const prospectId = byEmail.get(email.to[0] ?? '');
    const messageId = email.messageId && normalizeMessageId(email.messageId);
    if (!messageId || !prospectId) return undefined;
    const origin = await originOf(messageId, prospectId);
    if (!origin) return undefined;
    const enrollment = await api.get<{ status: string; pausedUntil: string | null }>(`/v1/enrollments/${origin.enrollmentId}`);
    return { ...origin, status: enrollment.status, pausedUntil: enrollment.pausedUntil };
  };
}
