import { Liquid, Template } from 'liquidjs';

/**
 * Email templates are Liquid (https://liquidjs.com): `{{ firstName | default: "there" }}`.
 * Liquid runs no JavaScript and reads only own properties of the data we pass, and no
 * file-system root is configured, so a template cannot reach anything but its variables.
 */
const liquid = new Liquid({ strictFilters: true, ownPropertyOnly: true, relativeReference: false, root: [] });
// Tags that read other files make no sense in an email and would touch the disk: refuse them.
for (const tag of ['include', 'render', 'layout']) {
  liquid.registerTag(tag, {
    parse() {
      throw new Error(`the "${tag}" tag is not available in email templates`);
    },
    render() {},
  });
}

/** Variables a template may use; `custom.<field>` reads the prospect's custom fields. */
export const KNOWN_VARIABLES = [
  'firstName', 'lastName', 'fullName', 'email', 'company', 'position', 'country',
  'sender.name', 'sender.email',
] as const;
const CUSTOM_PREFIX = 'custom';

export type TemplateCheck = { ok: true } | { ok: false; message: string };

export interface TemplateData {
  firstName: string;
  lastName: string;
  fullName: string;
  email: string;
  company: string;
  position: string;
  country: string;
  custom: Record<string, string>;
  sender: { name: string; email: string };
}

const MAX_TEMPLATE_LENGTH = 100_000;

/** Checks syntax and variable names when a campaign is saved, so sends never fail on them. */
export function validateTemplate(source: string): TemplateCheck {
  if (source.length > MAX_TEMPLATE_LENGTH) return { ok: false, message: `is longer than ${MAX_TEMPLATE_LENGTH} characters` };
  let template: Template[];
  try {
    template = liquid.parse(source);
  } catch (error) {
    return { ok: false, message: `has a template error: ${firstLine((error as Error).message)}` };
  }
  for (const segments of liquid.globalVariableSegmentsSync(template)) {
    const name = segments.map(String).join('.');
    const isCustom = segments[0] === CUSTOM_PREFIX && segments.length === 2;
    if (!isCustom && !(KNOWN_VARIABLES as readonly string[]).includes(name)) {
      return {
        ok: false,
        message: `uses unknown variable "${name}" (known: ${KNOWN_VARIABLES.join(', ')}, custom.<field>)`,
      };
    }
  }
  return { ok: true };
}

export function renderTemplate(source: string, data: TemplateData): string {
  return liquid.parseAndRenderSync(source, data);
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
