import { Inject, Injectable } from '@nestjs/common';
import type { Prospect } from '@relance/db/entities/prospect.entity';
import { SuppressionService } from '@relance/privacy/suppression';
import { ProspectDto } from './dto/prospect.dto';

/** Prospects as the API shows them, each saying whether the suppression list covers it. */
@Injectable()
export class ProspectPresenter {
  constructor(@Inject(SuppressionService) private readonly suppressions: SuppressionService) {}

  async many(accountId: string, prospects: Prospect[]): Promise<ProspectDto[]> {
    const suppressed = await this.suppressions.suppressedAmong(accountId, prospects.map((p) => p.email));
    return prospects.map((p) => ProspectDto.from(p, suppressed.has(p.email)));
  }

  async one(accountId: string, prospect: Prospect): Promise<ProspectDto> {
    const [shown] = await this.many(accountId, [prospect]);
    return shown;
  }
}
