import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { APP_CONFIG, AppConfig } from '@relance/config';
import { OperationsRepository } from '@relance/db';
import { metricsCallAllowed, type Logger } from '@relance/observability';
import { Public } from '../auth/public.decorator';
import type { ApiRequest } from '../common/api-request';
import { API_LOGGER } from '../common/logger.module';
import { ApiMetrics } from './api-metrics';

/**
 * GET /metrics in Prometheus text format. No API key: Prometheus has none, and the metrics
 * hold codes and counts, no personal data. Where the API is reachable from outside, set
 * METRICS_TOKEN and give Prometheus `authorization: { credentials: <token> }`.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(ApiMetrics) private readonly metrics: ApiMetrics,
    @Inject(OperationsRepository) private readonly operations: OperationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(API_LOGGER) private readonly logger: Logger,
  ) {}

  @Get()
  async scrape(@Req() request: ApiRequest, @Res() response: ServerResponse): Promise<void> {
    response.setHeader('cache-control', 'no-store');
    if (!metricsCallAllowed(this.config.metrics.token, request.headers.authorization)) {
      response.statusCode = 401;
      response.setHeader('www-authenticate', 'Bearer');
      response.setHeader('content-type', 'application/json; charset=utf-8');
      response.end(JSON.stringify({ error: { code: 'unauthorized', message: 'Send Authorization: Bearer <METRICS_TOKEN>' } }));
      return;
    }
    await this.refreshGauges();
    response.statusCode = 200;
    response.setHeader('content-type', this.metrics.registry.contentType);
    response.end(await this.metrics.registry.metrics());
  }

  /** A database that does not answer leaves the last values (the API's /health says why). */
  private async refreshGauges(): Promise<void> {
    try {
      const [unknown, failing] = await Promise.all([this.operations.stuckMessages(0), this.operations.failingMailboxes(0)]);
      this.metrics.unknownMessages.set(unknown.total);
      this.metrics.failingMailboxes.set(failing.total);
    } catch (error) {
      this.logger.warn({ err: error }, 'metrics: the database gauges could not be read');
    }
  }
}
