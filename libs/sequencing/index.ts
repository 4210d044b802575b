export { templateDataFor } from './template-data';
export { KNOWN_VARIABLES, renderTemplate, TemplateCheck, TemplateData, TemplateRenderError, validateTemplate } from './templates';
export { MAX_WAIT_MS, WaitUnit, waitMilliseconds } from './wait-duration';
export { addWait, AddWaitOptions, CalendarWaitUnit } from './sending-days';
export {
  assertSendingWindow, effectiveTimeZone, HourRange, isWithinWindow, nextSendTime, SendingWindow, SendingWindowCheck,
  validateSendingWindow, Weekday, WindowProblem,
} from './sending-window';
