import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { DomainError } from '@relance/errors';
import { depthProblem, valueDepthExcess } from './json-depth';
import { rawInputProblems } from './raw-input-problems';
import { toFieldProblems } from './validation-problems';

/**
 * Bodies, queries and params go through DTO classes: unknown properties are refused (not
 * silently dropped, so a typo is noticed), and every problem comes back at once. Bodies and
 * queries are first checked for what no DTO can express: nesting past `maxDepth` (the JSON
 * body parser refuses it already; the query and any other parser are checked here) and the
 * problems of rawInputProblems.
 */
export function createValidationPipe(maxDepth: number): ValidationPipe {
  return new RawInputCheckingPipe(maxDepth, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.validation(toFieldProblems(errors)),
  });
}

class RawInputCheckingPipe extends ValidationPipe {
  constructor(
    private readonly maxDepth: number,
    options: ConstructorParameters<typeof ValidationPipe>[0],
  ) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      // Before anything recursive (class-transformer) walks it.
      const tooDeep = valueDepthExcess(value, this.maxDepth);
      if (tooDeep) throw DomainError.validation([depthProblem(metadata.type, tooDeep, this.maxDepth)]);
      const problems = rawInputProblems(value);
      if (problems.length > 0) throw DomainError.validation(problems);
    }
    return super.transform(value, metadata);
  }
}
