import { decodeProtectedHeader, errors, jwtVerify, SignJWT, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import type { KeyRing } from '@relance/config';
import { readLegacyToken } from './legacy-token';

/**
 * What a token may be used for; a token signed for one purpose is refused for any other.
 * unsubscribe and open: an outbox message id; click: a message id and a link index;
 * privacy-verify (the link that confirms a data-subject request) and privacy-export (the download
 * of an access export): a privacy request id; account_export: the id of an account export (its download link).
 */
export type TokenPurpose = 'unsubscribe' | 'open' | 'click' | 'privacy-verify' | 'privacy-export' | 'account_export';

export type TokenErrorCode = 'token_invalid' | 'token_expired';

export class TokenError extends Error {
  override readonly name = 'TokenError';

  constructor(
    readonly code: TokenErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface VerifiedToken {
  purpose: TokenPurpose;
  /** What the token was signed for (an outbox message id for unsubscribe links). */
  subject: string;
  expiresAt: Date;
}

// Well above any token we sign; refuses absurd inputs before any work is done on them.
const MAX_TOKEN_LENGTH = 512;
const ALGORITHM = 'HS256';
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * URL-safe signed tokens: compact JWS (RFC 7515, HMAC-SHA256) whose header names the key (`kid`)
 * and whose claims are the purpose and subject (`sub`, see subjectClaim) and the expiry (`exp`),
 * signed and verified by jose. The current key of the ring signs and every key verifies, so keys rotate
 * without breaking links already sent; tokens of the format used before JWS still verify (see
 * legacy-token.ts). The purpose and the expiry are checked only once the signature holds, so a
 * forged token never learns more than "invalid".
 */
export class TokenSigner {
  constructor(
    private readonly ring: KeyRing,
    private readonly now: () => number = Date.now,
  ) {}

  async sign(purpose: TokenPurpose, subject: string, ttlMs: number): Promise<string> {
    const keyId = this.ring.currentId;
    const key = this.ring.keys.get(keyId);
    if (!key) throw new Error(`token signing key "${keyId}" is not configured (TOKEN_SIGNING_KEYS)`);
    return new SignJWT()
      .setProtectedHeader({ alg: ALGORITHM, kid: keyId })
      .setSubject(subjectClaim(purpose, subject))
      .setExpirationTime(Math.floor((this.now() + ttlMs) / 1000))
      .sign(key);
  }

  /** Resolves to the token's claims, or rejects with a TokenError (token_invalid, token_expired). */
  async verify(token: string, purpose: TokenPurpose): Promise<VerifiedToken> {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw invalid('the token is malformed');
    const segments = token.split('.');
    const header = segments.length === 3 ? protectedHeader(token) : null;
    // Anything else is read as a token of the format before JWS, whose key id may hold dots.
    if (!header || !('alg' in header)) return this.verifyLegacy(token, purpose);
    // jose decodes base64url leniently (the last character's spare bits): other spellings of a token are refused.
    if (!segments.every(isCanonicalBase64Url)) throw invalid('the token is malformed');
    const key = typeof header.kid === 'string' ? this.ring.keys.get(header.kid) : undefined;
    if (!key) throw invalid('the token is signed with an unknown key');
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, key, {
        algorithms: [ALGORITHM],
        requiredClaims: ['sub', 'exp'],
        currentDate: new Date(this.now()),
      }));
    } catch (error) {
      throw tokenError(error);
    }
    if (!claims.sub || claims.exp === undefined) throw invalid('the token payload is malformed');
    const read = readSubjectClaim(claims.sub);
    if (!read) throw invalid('the token payload is malformed');
    if (read.code !== purposeCode(purpose)) throw invalid(`the token is not valid for ${purpose}`);
    return { purpose, subject: read.subject, expiresAt: new Date(claims.exp * 1000) };
  }

  private verifyLegacy(token: string, purpose: TokenPurpose): VerifiedToken {
    const read = readLegacyToken(token, this.ring);
    if (!read.ok) throw invalid(read.reason);
    const { claims } = read;
    if (claims.purpose !== purpose) throw invalid(`the token is not valid for ${purpose}`);
    if (claims.expiresAt.getTime() <= this.now()) throw new TokenError('token_expired', 'the token has expired');
    return { purpose, subject: claims.subject, expiresAt: claims.expiresAt };
  }
}

/**
 * The `sub` claim: a one-letter purpose, a dot, then the subject with its leading UUID written as
 * its 16 bytes in base64url (22 characters instead of 36). Links are read in mail clients and
 * pasted by people; this keeps an unsubscribe token under 160 characters, as it was before JWS
 * (a registered `aud` claim and a spelled-out UUID cost 40 more). A subject that does not start
 * with a UUID is kept whole behind a `~`, a character base64url never uses.
 */
const PURPOSE_CODES: Readonly<Record<TokenPurpose, string>> = {
  unsubscribe: 'u', open: 'o', click: 'c', 'privacy-verify': 'p', 'privacy-export': 'x', account_export: 'e',
};
const UUID_PREFIX = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const SUBJECT_CLAIM = /^([a-z-]+)\.(~.+|[A-Za-z0-9_-]{22}.*)$/s;

/** A purpose outside the table (never signed by Relance) keeps its name, so it matches no code. */
function purposeCode(purpose: TokenPurpose): string {
  return PURPOSE_CODES[purpose] ?? purpose;
}

function subjectClaim(purpose: TokenPurpose, subject: string): string {
  const uuid = UUID_PREFIX.exec(subject)?.[0];
  const compact = uuid ? Buffer.from(uuid.replaceAll('-', ''), 'hex').toString('base64url') + subject.slice(uuid.length) : `~${subject}`;
  return `${purposeCode(purpose)}.${compact}`;
}

function readSubjectClaim(claim: string): { code: string; subject: string } | null {
  const match = SUBJECT_CLAIM.exec(claim);
  if (!match) return null;
  const [, code, compact] = match;
  if (compact.startsWith('~')) return { code, subject: compact.slice(1) };
  const bytes = Buffer.from(compact.slice(0, 22), 'base64url');
  if (bytes.length !== 16 || bytes.toString('base64url') !== compact.slice(0, 22)) return null;
  const hex = bytes.toString('hex');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { code, subject: uuid + compact.slice(22) };
}

function invalid(message: string): TokenError {
  return new TokenError('token_invalid', message);
}

/** The first segment as a JSON object: a JWS header, or the payload of a legacy token; null when neither. */
function protectedHeader(token: string): ProtectedHeaderParameters | null {
  try {
    return decodeProtectedHeader(token);
  } catch {
    return null;
  }
}

function isCanonicalBase64Url(segment: string): boolean {
  return BASE64URL.test(segment) && Buffer.from(segment, 'base64url').toString('base64url') === segment;
}

function tokenError(error: unknown): unknown {
  if (error instanceof errors.JWTExpired) return new TokenError('token_expired', 'the token has expired');
  if (error instanceof errors.JWSSignatureVerificationFailed) return invalid('the token signature does not match');
  if (error instanceof errors.JOSEError) return invalid('the token payload is malformed');
  return error;
}
