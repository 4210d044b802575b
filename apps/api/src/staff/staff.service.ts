import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@relance/db/entities/staff-user.entity';
import { StaffRepository } from '@relance/db/repositories/staff.repository';
import type { Page } from '@relance/db/repositories/keyset-page';
import { DomainError } from '@relance/errors';
import { DEFAULT_PAGE_SIZE, type PageQuery } from '../common/page-query';
import { invalidCursor } from '../common/pagination';
import { AuditTrail } from '@relance/privacy/audit-trail';
import type { StaffContext } from '../common/api-request';

/** Staff members as staff see and manage them; every change is recorded with the acting member as actor. */
@Injectable()
export class StaffService {
  constructor(
    @Inject(StaffRepository) private readonly staff: StaffRepository,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  async me(caller: StaffContext): Promise<StaffUser> {
    const user = await this.staff.findById(caller.staffUserId);
    if (!user) throw DomainError.notFound('staff member', caller.staffUserId);
    return user;
  }

  async list(query: PageQuery): Promise<Page<StaffUser>> {
    const page = await this.staff.listPage({ limit: query.limit ?? DEFAULT_PAGE_SIZE, after: query.after });
    if (!page) throw invalidCursor('a staff member');
    return page;
  }

  /** Disables a member and revokes their tokens; 409 for one already disabled, and for oneself. */
  async disable(caller: StaffContext, id: string, reason: string | undefined): Promise<StaffUser> {
    if (id === caller.staffUserId) throw new DomainError('conflict', 'You cannot disable yourself: ask another admin');
    const user = await this.staff.findById(id);
    if (!user) throw DomainError.notFound('staff member', id, 'id');
    if (!(await this.staff.disable(id))) throw new DomainError('conflict', `staff member ${id} is already disabled`);
    await this.audit.record({
      actor: { kind: 'staff', id: caller.staffUserId },
      action: 'staff_user.disabled',
      target: { type: 'staff_user', id },
      reason: reason ?? null,
    });
    return (await this.staff.findById(id))!;
  }
}
