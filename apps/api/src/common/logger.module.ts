/** The API's services inject the process's logger (libs/observability) by this name. */
export { APP_LOGGER as API_LOGGER, LoggerModule } from '@relance/observability';
