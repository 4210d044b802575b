import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { normaliseTrackingDomain } from '@relance/tracking';

/** "Track.Acme.com." is stored as "track.acme.com"; anything else is left for the validator to refuse. */
export const NormaliseTrackingDomain = () =>
  Transform(({ value }) => (typeof value === 'string' ? (normaliseTrackingDomain(value) ?? value) : value));

/** A host name for tracking links (track.acme.com; localhost or 127.0.0.1 locally): no scheme, port or path. */
export function IsTrackingDomain(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTrackingDomain',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a host name such as track.example.com (no scheme, port or path)', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && normaliseTrackingDomain(value) === value },
    });
}
