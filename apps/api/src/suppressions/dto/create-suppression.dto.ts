import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsFQDN, IsString, MaxLength, registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { NormaliseEmail } from '../../common/transforms';

/** Valid when exactly one of this property and `other` is given. */
function ExactlyOneOf(other: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'exactlyOneOf',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args) =>
          args.value === undefined ? `${args.property} or ${other} is required` : `give either ${args.property} or ${other}, not both`,
        ...options,
      },
      validator: {
        validate: (value: unknown, args) => (value !== undefined) !== ((args?.object as Record<string, unknown>)[other] !== undefined),
      },
    });
}

export class CreateSuppressionDto {
  @ApiPropertyOptional({
    example: 'ada@example.com',
    description: 'An address to suppress. Relance keeps only a keyed hash of it, never the address. Give this or `domain`.',
  })
  // Checked when given, and when nothing is (to say that one of the two is needed).
  @ValidateIf((body: CreateSuppressionDto) => body.email !== undefined || body.domain === undefined)
  @ExactlyOneOf('domain') @NormaliseEmail() @IsEmail() @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({
    example: 'example.com',
    description: 'A domain to suppress, with its subdomains (example.com also covers eu.example.com). Give this or `email`.',
  })
  @ValidateIf((body: CreateSuppressionDto) => body.domain !== undefined)
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString() @IsFQDN({ require_tld: true, allow_trailing_dot: true }, { message: 'domain must be a domain name such as example.com' })
  @MaxLength(253)
  domain?: string;
}
