import { Matches, ValidationOptions } from 'class-validator';

/** At least one character that is not white space: "   " is as empty as "". */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return Matches(/\S/, { message: '$property must not be blank', ...options });
}
