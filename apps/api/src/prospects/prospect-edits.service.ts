import { Inject, Injectable } from '@nestjs/common';
import type { Prospect } from '@relance/db/entities/prospect.entity';
import { ProspectChangesRepository, type ProspectChanges } from '@relance/db/repositories/prospect-changes.repository';
import { DomainError } from '@relance/errors';
import { AuditTrail } from '@relance/privacy/audit-trail';
import { ErasureService } from '@relance/privacy/erasure/erasure.service';
import { MAX_TAGS } from './dto/prospect-tags';
import type { UpdateProspectDto } from './dto/update-prospect.dto';
import { erasedAddress } from './prospects.service';

/** Who made the call: the API key, and the rep it belongs to when it belongs to one. */
export interface Caller {
  apiKeyId: string;
  userId: string | null;
}

const TAKEN = 'another prospect of the account has this email';

/** A rep's changes to one prospect: rectification (audited) and its tags. */
@Injectable()
export class ProspectEditsService {
  constructor(
    @Inject(ProspectChangesRepository) private readonly changes: ProspectChangesRepository,
    @Inject(ErasureService) private readonly erasure: ErasureService,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  /**
   * Applies the fields given. The audit entry (who, when, which field names: never values, the
   * trail outlives erasures) commits with the change, and only when a value really changed.
   */
  async update(accountId: string, caller: Caller, id: string, input: UpdateProspectDto): Promise<Prospect> {
    const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as ProspectChanges;
    if (Object.keys(changes).length === 0) {
      throw DomainError.validation([{ field: '', message: 'give at least one field to change' }]);
    }
    if (changes.email !== undefined && (await this.erasure.erasedAmong(accountId, [changes.email])).size > 0) {
      throw erasedAddress();
    }
    const result = await this.changes.update(accountId, id, changes, (manager, changed) => this.audit.record({
      actor: { kind: 'api_key', id: caller.apiKeyId },
      action: 'prospect.updated',
      target: { type: 'prospect', id },
      accountId,
      details: { fields: changed, userId: caller.userId },
    }, manager));
    if (result.kind === 'not_found') throw DomainError.notFound('prospect', id);
    if (result.kind === 'email_taken') throw new DomainError('conflict', TAKEN, { field: 'email' });
    return result.prospect;
  }

  /** Adds tags to one prospect; refused (naming `tags`) past the most a prospect carries. */
  async addTags(accountId: string, id: string, tags: string[]): Promise<void> {
    const outcome = (await this.changes.addTags(accountId, [id], tags, MAX_TAGS)).get(id);
    if (outcome === 'not_found') throw DomainError.notFound('prospect', id);
    if (outcome === 'too_many_tags') {
      throw DomainError.validation([{ field: 'tags', message: `a prospect carries at most ${MAX_TAGS} tags` }]);
    }
  }

  /** Removes one tag; removing a tag the prospect does not carry changes nothing and is no error. */
  async removeTag(accountId: string, id: string, tag: string): Promise<void> {
    if ((await this.changes.removeTags(accountId, [id], [tag])).get(id) === 'not_found') throw DomainError.notFound('prospect', id);
  }
}
