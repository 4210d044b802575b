import { Liquid, Template } from 'liquidjs';

/**
 * Email templates are Liquid (https://liquidjs.com): `{{ firstName | default: "there" }}`.
 * Liquid runs no JavaScript and reads only own properties of the data we pass, and no
 * file-system root is configured, so a template cannot reach anything but its variables.
 */
// Limits keep a hostile template (nested loops over huge ranges) from stalling a worker.
const liquid = new Liquid({
  strictFilters: true,
  ownPropertyOnly: true,
  relativeReference: false,
  root: [],
  parseLimit: 100_000,
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
});
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
  try {
    liquid.renderSync(template, SAMPLE_DATA);
  } catch (error) {
    return { ok: false, message: `cannot be rendered: ${firstLine((error as Error).message)}` };
  }
  return { ok: true };
}

/** A template that passed validation and still fails (limits, odd data): not worth retrying. */
export class TemplateRenderError extends Error {
  override readonly name = 'TemplateRenderError';
}

export function renderTemplate(source: string, data: TemplateData): string {
  try {
    return liquid.parseAndRenderSync(source, data);
  } catch (error) {
    throw new TemplateRenderError(firstLine((error as Error).message));
  }
}

const SAMPLE_DATA: TemplateData = {
  firstName: 'Ada', lastName: 'Lovelace', fullName: 'Ada Lovelace', email: 'ada@example.com',
  company: 'Analytical Engines', position: 'Engineer', country: 'GB', custom: {},
  sender: { name: 'Rita', email: 'rita@example.com' },
};

function firstLine(text: string): string {
  return text.split('\n')[0];
}
