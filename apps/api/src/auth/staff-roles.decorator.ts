import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { StaffRole } from '@relance/db/entities/staff-user.entity';
import { IS_STAFF_ROUTE, STAFF_ROLES_ALLOWED } from './staff-route-metadata';
import { StaffTokenGuard } from './staff-token.guard';


/**
 * A route (or every route of a controller) for Relance's staff, under /v1/staff: only a staff
 * token opens it (401 otherwise, a customer's API key included), and only for the roles named
 * (403 for the others). On a handler it overrides its controller's roles.
 */
export const StaffRoles = (...roles: [StaffRole, ...StaffRole[]]) =>
  applyDecorators(
    SetMetadata(IS_STAFF_ROUTE, true),
    SetMetadata(STAFF_ROLES_ALLOWED, roles),
    UseGuards(StaffTokenGuard),
    ApiBearerAuth('staff-token'),
  );
