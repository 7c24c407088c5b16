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
  /**
   * False while the period has not ended (today or later in Berlin): days still to come count as
   * closed and uncovered, so such a judgement is provisional. Audits judge complete periods only.
   */
  complete: boolean;
  /** False when any must or should rule is non_compliant. */
  compliant: boolean;
  /** NRW public holidays Monday to Saturday in the period: credited with their schedule (catalog: creditHolidays). */
  holidays: Array<{ date: string; name: string }>;
  findings: Finding[];
  /** Deviations proposed for this office and period and still awaiting consent: listed, never applied. */
  pendingDeviations: DeviationSummary[];
}
