import type { CheckKind } from '../types';
import type { CheckDefinition } from './check-definition';
import { coverageShareCheck } from './coverage-share.check';
import { hotlineCoverageCheck } from './hotline-coverage.check';
import { tandemSeatAccessCheck } from './tandem-seat-access.check';
import { timeShareCheck } from './time-share.check';
import { weekdayWindowCheck } from './weekday-window.check';
import { weeklyHoursCheck } from './weekly-hours.check';

/** Every check kind the catalog may name. A new kind is a new file plus one line here. */
export const CHECKS: Readonly<Record<CheckKind, CheckDefinition>> = {
  'weekly-hours': weeklyHoursCheck,
  'weekday-window': weekdayWindowCheck,
  'tandem-seat-access': tandemSeatAccessCheck,
  'hotline-coverage': hotlineCoverageCheck,
  'time-share': timeShareCheck,
  'coverage-share': coverageShareCheck,
};
