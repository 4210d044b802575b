import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relance/config';
import { BriteVerifyClient } from './providers/briteverify.client';
import { HunterClient } from './providers/hunter.client';
import { ZeroBounceClient } from './providers/zerobounce.client';
import { BuiltinVerifier } from './builtin-verifier';

/** One client per provider, built from the configuration (base URLs, timeouts, DNS servers). */
@Injectable()
export class ProviderClients {
  readonly hunter: HunterClient;
  readonly briteverify: BriteVerifyClient;
  readonly zerobounce: ZeroBounceClient;
  readonly builtin: BuiltinVerifier;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { enrichment } = config;
    this.hunter = new HunterClient(enrichment.hunter, enrichment.httpTimeoutMs);
    this.briteverify = new BriteVerifyClient(enrichment.briteverify, enrichment.httpTimeoutMs);
    this.zerobounce = new ZeroBounceClient(enrichment.zerobounce, enrichment.httpTimeoutMs);
    this.builtin = new BuiltinVerifier(enrichment);
  }
}
