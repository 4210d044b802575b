import { ValidationPipe } from '@nestjs/common';
import { DomainError } from '../../../../libs/errors';
import { toFieldProblems } from './validation-problems';

/**
 * Bodies, queries and params go through DTO classes: unknown properties are refused (not
 * silently dropped, so a typo is noticed), and every problem comes back at once.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.validation(toFieldProblems(errors)),
  });
}
