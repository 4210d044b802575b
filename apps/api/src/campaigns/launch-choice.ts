import type { ProspectFilter } from '@relance/db/entities/launch-filter.entity';
import { DomainError } from '@relance/errors';
import { instantOf } from '../common/validators/instant';
import type { LaunchCampaignDto } from './dto/launch.dto';

/** Whom a launch enrolls, as the rep chose it. */
export type LaunchChoice =
  | { kind: 'prospects'; prospectIds: string[] }
  | { kind: 'all' }
  | { kind: 'filter'; filter: ProspectFilter };

const THREE_WAYS =
  'say whom to enroll with exactly one of: "prospectIds" (a list of prospect ids), "all": true (every eligible ' +
  'prospect of the account) or "filter" (criteria such as { "country": "FR" })';
const CRITERIA: (keyof ProspectFilter)[] = ['company', 'country', 'timeZone', 'createdAfter', 'createdBefore', 'tag'];

/**
 * The one choice a launch body makes, or a 400 saying the three ways to make it: launching
 * to the whole account must be asked for (`all: true`), never what an empty body means.
 */
export function launchChoiceOf(body: LaunchCampaignDto): LaunchChoice {
  const given = (['prospectIds', 'all', 'filter'] as const).filter((name) => body[name] !== undefined);
  if (given.length === 0) throw new DomainError('validation_failed', `a launch must ${THREE_WAYS}`);
  if (given.length > 1) {
    const field = given[1];
    throw DomainError.validation([{ field, message: `only one may be given, not ${given.join(' and ')}: ${THREE_WAYS}` }]);
  }
  if (body.prospectIds) return { kind: 'prospects', prospectIds: [...new Set(body.prospectIds.map((id) => id.toLowerCase()))] };
  if (body.all === false) {
    throw DomainError.validation([{ field: 'all', message: `all must be true to enroll every eligible prospect: ${THREE_WAYS}` }]);
  }
  if (body.all) return { kind: 'all' };
  return { kind: 'filter', filter: filterOf(body.filter!) };
}

/** The filter as stored: instants in UTC ISO form, at least one criterion, a range that is not empty. */
function filterOf(input: ProspectFilter): ProspectFilter {
  const filter: ProspectFilter = {};
  for (const name of CRITERIA) {
    const value = input[name];
    if (value === undefined) continue;
    filter[name] = name === 'createdAfter' || name === 'createdBefore' ? instantOf(value)!.toISOString() : value;
  }
  if (Object.keys(filter).length === 0) {
    throw DomainError.validation([{ field: 'filter', message: `filter must name at least one of ${CRITERIA.join(', ')}` }]);
  }
  if (filter.createdAfter && filter.createdBefore && filter.createdAfter >= filter.createdBefore) {
    throw DomainError.validation([{
      field: 'filter.createdBefore',
      message: 'filter.createdBefore must be later than filter.createdAfter: no prospect was added in between',
    }]);
  }
  return filter;
}
