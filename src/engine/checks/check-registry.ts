import type { CheckKind } from '../types';
import type { CheckDefinition } from './check-definition';
import { coverageShareCheck } from './coverage-share.check';
import { districtCoreHoursCheck } from './district-core-hours.check';
import { hotlineCoverageCheck } from './hotline-coverage.check';
import { oneToOneCheck } from './one-to-one.check';
import { staffAvailabilityCheck } from './staff-availability.check';
import { surveyCoverageCheck } from './survey-coverage.check';
import { tandemSeatAccessCheck } from './tandem-seat-access.check';
import { timeShareCheck } from './time-share.check';
import { weekdayWindowCheck } from './weekday-window.check';
import { weeklyHoursCheck } from './weekly-hours.check';
import { teamDelegatesCheck } from './team-delegates.check';
import { practiceMeetingsCheck } from './practice-meetings.check';
import { employerContactsCheck } from './employer-contacts.check';
import { outsideOpeningAppointmentsCheck } from './outside-opening-appointments.check';
import { appointmentShareCheck } from './appointment-share.check';
import { handoverRateCheck } from './handover-rate.check';

/**
 * Every check kind the catalog may name. A new kind is a new file in this folder (declaring its
 * needs, cadence and scope) plus one line here and its name in CHECK_KINDS (types.ts).
 */
export const CHECKS: Readonly<Record<CheckKind, CheckDefinition>> = {
  'weekly-hours': weeklyHoursCheck,
  'weekday-window': weekdayWindowCheck,
  'tandem-seat-access': tandemSeatAccessCheck,
  'hotline-coverage': hotlineCoverageCheck,
  'staff-availability': staffAvailabilityCheck,
  'time-share': timeShareCheck,
  'one-to-one': oneToOneCheck,
  'coverage-share': coverageShareCheck,
  'district-core-hours': districtCoreHoursCheck,
  'team-delegates': teamDelegatesCheck,
  'practice-meetings': practiceMeetingsCheck,
  'employer-contacts': employerContactsCheck,
  'survey-coverage': surveyCoverageCheck,
  'outside-opening-appointments': outsideOpeningAppointmentsCheck,
  'appointment-share': appointmentShareCheck,
  'handover-rate': handoverRateCheck,
};
