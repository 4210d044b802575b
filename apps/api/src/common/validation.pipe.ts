import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { DomainError } from '../../../../libs/errors';
import { rawInputProblems } from './raw-input-problems';
import { toFieldProblems } from './validation-problems';

/**
 * Bodies, queries and params go through DTO classes: unknown properties are refused (not
 * silently dropped, so a typo is noticed), and every problem comes back at once. Bodies and
 * queries are first checked for what no DTO can express (see rawInputProblems).
 */
export function createValidationPipe(): ValidationPipe {
  return new RawInputCheckingPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.validation(toFieldProblems(errors)),
  });
}

class RawInputCheckingPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problems = rawInputProblems(value);
      if (problems.length > 0) throw DomainError.validation(problems);
    }
    return super.transform(value, metadata);
  }
}
