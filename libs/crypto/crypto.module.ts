import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relance/config';
import { TokenSigner } from './signed-token';
import { Vault } from './vault';

@Global()
@Module({
  providers: [
    { provide: Vault, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new Vault(config.vault.masterKeys) },
    { provide: TokenSigner, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new TokenSigner(config.tokens.signingKeys) },
  ],
  exports: [Vault, TokenSigner],
})
export class CryptoModule {}
