export { classifyInbound, type InboundClassification, type ClassifyOptions } from './classify';
export type { AutoReplyReason } from './auto-reply';
export {
  parseDeliveryStatus,
  bounceFromDeliveryStatus,
  bounceSeverity,
  statusFromText,
  type BounceReport,
  type BounceRecipient,
  type DeliveryStatus,
} from './dsn';
export { bounceFromText, type TextBounceInput } from './bounce-text';
export { findReturnDate } from './return-date';
export { isHardBounceStatus, SOFT_PERMANENT_STATUSES } from './bounce-status';
export { splitQuoted, type SplitText } from './quoted-text';
export { findReferral, type ReferralColleague } from './referral';
