export { AppConfig, ConfigError, loadConfig, loadDatabaseUrl, loadDatabaseUrls, vaultDatabaseUrlFor } from './config';
export { TrustProxy } from './trust-proxy';
export { parseDuration } from './duration';
export { KeyRing, parseKeyRing } from './master-keys';
export { APP_CONFIG, ConfigModule } from './config.module';
export { LauncherEnv, readLauncherEnv } from './launcher-env';
