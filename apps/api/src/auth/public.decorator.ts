import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'relance:public';

/** Opts a route out of the API key guard (health checks); everything else needs a key. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
