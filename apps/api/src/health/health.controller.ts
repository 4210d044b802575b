import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Public } from '../auth/public.decorator';
import { HealthDto } from './dto/health.dto';
import { HealthService } from './health.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(HealthService) private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Are PostgreSQL and Temporal reachable?', description: 'No API key needed.' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({
    type: HealthDto, description: 'A dependency is down (named in checks)',
    example: {
      status: 'error',
      checks: {
        postgres: { status: 'up', latencyMs: 3 }, vault: { status: 'up', latencyMs: 2 },
        temporal: { status: 'down', latencyMs: 5001, error: 'connect ECONNREFUSED 127.0.0.1:7233' },
      },
    },
  })
  async get(@Res() response: ServerResponse): Promise<void> {
    const result = await this.health.check();
    // Written by hand: the status depends on the result, which @HttpCode cannot express.
    response.statusCode = result.status === 'ok' ? 200 : 503;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.setHeader('cache-control', 'no-store');
    response.end(JSON.stringify(result));
  }
}
