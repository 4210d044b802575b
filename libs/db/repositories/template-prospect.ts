import type { TemplateProspect } from '@relance/templates';

/** The columns of prospect `p` that templates read, for a SELECT whose rows go to templateProspectOf. */
export const TEMPLATE_PROSPECT_COLUMNS = `p.email, p.first_name, p.last_name, p.company, p.position, p.country, p.custom_fields`;

/** The one mapping of a prospect row to what templates read, for sends and previews alike. */
export function templateProspectOf(row: Record<string, any>): TemplateProspect {
  return {
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    company: row.company,
    position: row.position,
    country: row.country,
    customFields: row.custom_fields ?? {},
  };
}
