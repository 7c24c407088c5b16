export * from './types';
export { STATUS_SEVERITY } from './compliance-summary';
export { evaluate, evaluateDistrict } from './evaluate';
export { selectRules, ruleTraits, JUDGEMENTS } from './rule-selection';
export type { RuleSelection } from './rule-selection';
export {
  parseCatalog,
  parseCatalogFiles,
  parseCatalogVersion,
  validateParamOverride,
  paramOverrideProblems,
  applyParamOverride,
  ruleParamNames,
} from './catalog.parser';
export type { CatalogFile, ParamOverrideProblem } from './catalog.parser';
export { CatalogError } from './catalog.error';
export { CHECKS } from './checks/check-registry';
export { SURVEY_LOOK_BACK_MONTHS } from './checks/survey-coverage.check';
export type { CheckDefinition, CheckOutcome, OfficeCheckDefinition, DistrictCheckDefinition } from './checks/check-definition';
export type { ParamDefinition, ParamSchema, ParamType } from './params/param-schema';
export { regularOpeningWeek } from './opening-week';
export { describeChanges, paramValues } from './deviation';
export { union, totalMinutes, clip, gaps, intersect, subtract } from './intervals';
export {
  WEEKDAY_NAMES_DE,
  parseClock,
  formatClock,
  formatHours,
  formatPercent,
  minutesToHours,
  joinGerman,
  weekdayNames,
  parseWeekdays,
  formatWeekdays,
  germanDate,
  WEEKDAY_ABBREVIATIONS_DE,
} from './time';
export { STATUS_LABELS, OBLIGATION_LABELS, SECTION_TITLES, ROLE_LABELS, SIDE_LABELS, DEVIATION_STATUS_LABELS, WEEKDAY_SHORT_DE, ACTION_STATUSES, ACTION_STATUS_LABELS, ACTION_SOURCE_LABELS, OVERDUE_LABEL, periodLabel, vocabulary } from './vocabulary';
export type { StatusWording, ObligationWording, Vocabulary, ActionStatus, ActionSource, Side } from './vocabulary';
export { orderVersions, catalogInForce, catalogForPeriod } from './catalog-versions';
export type { CatalogVersionSource } from './catalog-versions';
export { TEAM_LABELS, CONTACT_ROLE_LABELS } from './vocabulary';
export { APPOINTMENT_AREA_LABELS } from './vocabulary';
