import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiPublic } from '../openapi-document/public-routes';

export const IS_PUBLIC = 'relance:public';

/**
 * Opts a route out of the API key guard (health checks); everything else needs a key.
 * The OpenAPI document then declares it with `security: []`.
 */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiPublic());
