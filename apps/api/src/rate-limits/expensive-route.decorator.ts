import { SetMetadata } from '@nestjs/common';

export const IS_EXPENSIVE_ROUTE = 'relance:expensive-route';

/**
 * A route that starts heavy work (a launch, a batch, an export): besides the key's general
 * budget it counts against the lower `API_RATE_LIMIT_EXPENSIVE` one.
 */
export const ExpensiveRoute = () => SetMetadata(IS_EXPENSIVE_ROUTE, true);
