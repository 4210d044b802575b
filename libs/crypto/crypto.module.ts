import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config';
import { Vault } from './vault';

@Global()
@Module({
  providers: [{ provide: Vault, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new Vault(config.vault.masterKeys) }],
  exports: [Vault],
})
export class CryptoModule {}
