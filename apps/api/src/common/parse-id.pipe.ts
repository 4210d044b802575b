import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '@relance/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Route ids are UUIDs; anything else cannot name a record, so it is refused before any query. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata?: ArgumentMetadata): string {
    // Named after the route or query parameter it reads: id, stepId, prospectId…
    const field = metadata?.data ?? 'id';
    if (typeof value !== 'string' || !UUID.test(value)) {
      const message = value === undefined || value === '' ? `${field} is required (a UUID)` : `${field} must be a UUID`;
      throw new DomainError('validation_failed', message, { field, details: [{ field, message }] });
    }
    return value.toLowerCase();
  }
}
