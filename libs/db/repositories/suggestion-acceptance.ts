import type { CampaignStatus } from '../entities/campaign.entity';
import type { ProspectSuggestionStatus } from '../entities/prospect-suggestion.entity';

/** What accepting a suggestion finds, read under lock. */
export interface AcceptanceState {
  status: ProspectSuggestionStatus;
  /** The account suppresses the address or its domain. */
  suppressed: boolean;
  /** The account already has a prospect at this address. */
  alreadyProspect: boolean;
  /** Whether the new prospect is to be enrolled, and the campaign's status (null: it is gone). */
  enroll: boolean;
  campaignStatus: CampaignStatus | null;
}

/** Why a suggestion cannot be accepted; nothing is created then. */
export type AcceptanceRefusal = 'already_decided' | 'suppressed' | 'already_prospect' | 'campaign_closed';

/**
 * Whether accepting may go ahead. A decided suggestion stays decided (accepting twice creates
 * nobody twice); a suppressed address is never made a prospect; an enrollment needs a campaign
 * that still sends (a stopped or completed one sends nothing more: accept without enrolling).
 */
export function acceptanceRefusal(state: AcceptanceState): AcceptanceRefusal | null {
  if (state.status !== 'pending') return 'already_decided';
  if (state.suppressed) return 'suppressed';
  if (state.alreadyProspect) return 'already_prospect';
  if (state.enroll && (state.campaignStatus === null || state.campaignStatus === 'stopped' || state.campaignStatus === 'completed')) {
    return 'campaign_closed';
  }
  return null;
}

/** "Paul Martin" → Paul / Martin; "Paul" → Paul / null; "Anne Marie Dupont" → Anne / Marie Dupont. */
export function splitName(name: string | null): { firstName: string | null; lastName: string | null } {
  const words = (name ?? '').trim().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return { firstName: null, lastName: null };
  return { firstName: words[0], lastName: words.length > 1 ? words.slice(1).join(' ') : null };
}
