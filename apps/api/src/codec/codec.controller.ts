import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { payloadsFromWire, type WirePayload } from '@relance/temporal/remote-codec';
import { StaffRoles } from '../auth/staff-roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { CodecService } from './codec.service';

/** Sent by the Temporal UI; only Relance's own namespace is decoded. */
const NamespaceHeader = () => ApiHeader({
  name: 'x-namespace', required: false, schema: { type: 'string', example: 'default' },
  description: "The Temporal namespace the payloads come from (Relance's only)",
});

const PAYLOADS_SCHEMA = {
  type: 'object',
  // One JSON payload as the SDK's converter writes it: metadata and data in base64.
  example: { payloads: [{ metadata: { encoding: 'anNvbi9wbGFpbg==' }, data: 'eyJlbnJvbGxtZW50SWQiOiIyZDllN2YzYSJ9' }] },
  required: ['payloads'],
  properties: {
    payloads: {
      type: 'array',
      items: {
        type: 'object',
        properties: { metadata: { type: 'object', additionalProperties: { type: 'string', format: 'byte' } }, data: { type: 'string', format: 'byte' } },
      },
    },
  },
};

/**
 * Temporal's remote codec protocol, so the Temporal Web UI (or `temporal workflow show
 * --codec-endpoint … --codec-auth 'Bearer …'`) shows the encrypted payloads of Relance's
 * histories in clear, to operators and admins only: payloads hold ids, but also failure
 * messages and stack traces. Customers' API keys and anonymous calls are refused (401).
 */
@ApiTags('staff')
@ApiErrors(401, 400)
@StaffRoles('operator', 'admin')
@Controller('codec')
export class CodecController {
  constructor(@Inject(CodecService) private readonly codec: CodecService) {}

  @Post('decode')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decrypt Temporal payloads (remote codec protocol; operator, admin)' })
  @ApiBody({ schema: PAYLOADS_SCHEMA })
  @NamespaceHeader()
  @ApiOkResponse({ schema: PAYLOADS_SCHEMA })
  decode(@Body() body: unknown, @Headers('x-namespace') namespace?: string): Promise<{ payloads: WirePayload[] }> {
    return this.codec.decode(namespace, payloadsFromWire(body));
  }

  @Post('encode')
  @HttpCode(200)
  @ApiOperation({ summary: "Encrypt payloads the way Relance's workers do (remote codec protocol; operator, admin)" })
  @ApiBody({ schema: PAYLOADS_SCHEMA })
  @NamespaceHeader()
  @ApiOkResponse({ schema: PAYLOADS_SCHEMA })
  encode(@Body() body: unknown, @Headers('x-namespace') namespace?: string): Promise<{ payloads: WirePayload[] }> {
    return this.codec.encode(namespace, payloadsFromWire(body));
  }
}
