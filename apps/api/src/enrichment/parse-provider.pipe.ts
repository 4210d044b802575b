import { Injectable, PipeTransform } from '@nestjs/common';
import { PROVIDERS, type ProviderName } from '@relance/enrichment';
import { DomainError } from '@relance/errors';

/** `:provider` in a route: one of the providers that take a key, else a 400 naming it. */
@Injectable()
export class ParseProviderPipe implements PipeTransform<string, ProviderName> {
  transform(value: string): ProviderName {
    if ((PROVIDERS as readonly string[]).includes(value)) return value as ProviderName;
    const message = `provider must be one of ${PROVIDERS.join(', ')}`;
    throw DomainError.validation([{ field: 'provider', message }]);
  }
}
