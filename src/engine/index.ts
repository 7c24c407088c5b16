export * from './types';
export { evaluate } from './evaluate';
export {
  parseCatalog,
  parseCatalogFiles,
  validateParamOverride,
  paramOverrideProblems,
  applyParamOverride,
  ruleParamNames,
} from './catalog.parser';
export type { CatalogFile, ParamOverrideProblem } from './catalog.parser';
export { CatalogError } from './catalog.error';
export { CHECKS } from './checks/check-registry';
export type { CheckDefinition, CheckOutcome } from './checks/check-definition';
export type { ParamDefinition, ParamSchema, ParamType } from './params/param-schema';
export { regularOpeningWeek } from './opening-week';
export { describeChanges } from './deviation';
export { union, totalMinutes, clip, gaps } from './intervals';
export {
  WEEKDAY_NAMES_DE,
  parseClock,
  formatClock,
  formatHours,
  formatPercent,
  minutesToHours,
  joinGerman,
  weekdayNames,
} from './time';
export { STATUS_LABELS, OBLIGATION_LABELS, ROLE_LABELS, SIDE_LABELS, DEVIATION_STATUS_LABELS, WEEKDAY_SHORT_DE, periodLabel, vocabulary } from './vocabulary';
export type { StatusWording, ObligationWording, Vocabulary } from './vocabulary';
