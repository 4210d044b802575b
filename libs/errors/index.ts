export { DomainError, type DomainErrorCode, type DomainErrorOptions, type FieldProblem } from './domain-error';
export { invalidCursor } from './invalid-cursor';
