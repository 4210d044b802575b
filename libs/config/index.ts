export { AppConfig, ConfigError, DEFAULT_TEMPORAL_UI_URL, loadConfig, loadDatabaseUrl, loadDatabaseUrls, TrustProxy, vaultDatabaseUrlFor } from './config';
export { parseDuration } from './duration';
export { KeyRing, parseKeyRing } from './master-keys';
export { APP_CONFIG, ConfigModule } from './config.module';
export { LauncherEnv, readLauncherEnv } from './launcher-env';
export { ConsoleConfig, loadConsoleConfig, loadStaffLoginConfig, StaffLoginConfig } from './console-config';
export { EnrichmentConfig, parseRateLimit, ProviderSettings, RateWindow } from './enrichment-config';
export { WebhookConfig } from './webhook-config';
