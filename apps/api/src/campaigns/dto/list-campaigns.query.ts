import { DEFAULT_PAGE_SIZE, PageQuery } from '../../common/page-query';

export const DEFAULT_CAMPAIGN_PAGE = DEFAULT_PAGE_SIZE;

/** `?limit=&after=`: campaigns have no filter of their own. */
export class ListCampaignsQuery extends PageQuery {}
