import type { Finding } from '../engine';
import type { DeviationSummary } from '../deviations/deviation.view';
import type { JudgementPeriod } from './judgement-period';

/** The judgement of one office over one real week or month, as the API and audits return it. */
export interface ComplianceReport {
  officeId: string;
  officeName: string;
  period: JudgementPeriod;
  /** For a month: the ISO weeks judged with it (those whose Thursday lies in the month). */
  weeks: string[];
  catalogVersion: string;
  /** False when any must or should rule is non_compliant. */
  compliant: boolean;
  /** NRW public holidays on weekdays of the period: excused, see section 2 interpretation in the catalog. */
  holidays: Array<{ date: string; name: string }>;
  findings: Finding[];
  /** Deviations proposed for this office and period and still awaiting consent: listed, never applied. */
  pendingDeviations: DeviationSummary[];
}
