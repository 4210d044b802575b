export { AppConfig, ConfigError, loadConfig, loadDatabaseUrl, TrustProxy } from './config';
export { parseDuration } from './duration';
export { KeyRing, parseKeyRing } from './master-keys';
export { APP_CONFIG, ConfigModule } from './config.module';
export { LauncherEnv, readLauncherEnv } from './launcher-env';
