export { templateDataFor } from './template-data';
export { KNOWN_VARIABLES, renderTemplate, TemplateCheck, TemplateData, TemplateRenderError, validateTemplate } from './templates';
export { MAX_WAIT_MS, WaitUnit, waitMilliseconds } from './wait-duration';
