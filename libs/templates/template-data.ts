import type { TemplateData } from './templates';

/**
 * A prospect as templates see it: what `{{ firstName }}`, `{{ custom.plan }}`… are filled from.
 * Sends and previews read it the same way (libs/db: templateProspectOf), so a preview shows what
 * a send would write.
 */
export interface TemplateProspect {
  email: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  position: string | null;
  country: string | null;
  customFields: Record<string, string>;
}

/** Builds a template's variables; missing fields become "" so `default` filters apply. */
export function templateDataFor(prospect: TemplateProspect, sender: { name: string; email: string }): TemplateData {
  const firstName = prospect.firstName ?? '';
  const lastName = prospect.lastName ?? '';
  return {
    firstName,
    lastName,
    fullName: [firstName, lastName].filter(Boolean).join(' '),
    email: prospect.email,
    company: prospect.company ?? '',
    position: prospect.position ?? '',
    country: prospect.country ?? '',
    custom: { ...prospect.customFields },
    sender,
  };
}
