import { Matches, ValidationOptions } from 'class-validator';

/**
 * No line breaks (nor other control characters): these values end up in mail headers
 * (Subject, From) or in subjects through templates, where a CR/LF would start a new header.
 */
export function IsSingleLine(options?: ValidationOptions): PropertyDecorator {
  return Matches(/^[^\u0000-\u0008\u000a-\u001f\u007f]*$/, {
    message: '$property must be a single line (no line breaks or control characters)',
    ...options,
  });
}
