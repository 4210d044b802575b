import { DomainError } from '@relance/errors';

/** The error for a token that cannot be used, naming why: the person then knows what to do. */
export function tokenProblem(what: 'sign-up' | 'invitation', outcome: 'unknown' | 'expired' | 'used'): DomainError {
  const again = what === 'sign-up' ? 'sign up again for a new one' : 'ask an owner of the workspace to invite you again';
  if (outcome === 'expired') return new DomainError('gone', `This ${what} token has expired: ${again}`, { field: 'token' });
  if (outcome === 'used') return new DomainError('conflict', `This ${what} token was used already: it works once`, { field: 'token' });
  const message = `This ${what} token is not valid: it may have been replaced by a newer one, withdrawn or used; ${again}`;
  return DomainError.validation([{ field: 'token', message }]);
}
