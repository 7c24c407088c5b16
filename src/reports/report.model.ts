import type { ActionSummary } from '../actions/action.view';
import type { FindingStatus, Obligation } from '../engine';

/** One rule's verdict in a report, with the explanation a reader needs. */
export interface ReportVerdict {
  ruleId: string;
  ruleTitle: string;
  obligation: Obligation;
  status: FindingStatus;
  /** German explanation (the finding's message, or a count over the run's periods). */
  explanation: string;
}

export interface ReportDeviation {
  ruleTitle: string;
  kind: 'waiver' | 'parameters';
  params?: Record<string, unknown>;
  reason: string;
  validFrom: string;
  validUntil: string | null;
}

export interface ReportSection {
  office: { id: string; name: string };
  verdicts: ReportVerdict[];
  /** Open, planned, done and verified actions of the office (dismissed ones are left out). */
  actions: Array<ActionSummary & { ruleTitle: string }>;
  deviations: ReportDeviation[];
}

/** Everything a printed report shows; rendered by report.page.ts to HTML (and from there to PDF). */
export interface Report {
  title: string;
  /** 'KW 48/2026' or '01.11.2026 – 30.11.2026 (Prüflauf …)' */
  periodText: string;
  catalogVersion: string;
  /** When the report was made, Berlin wall clock, e.g. '28.11.2026, 18:40 Uhr'. */
  createdText: string;
  /** Path of the same report's HTML and PDF (for the links on screen). */
  htmlPath: string;
  pdfPath: string;
  backPath: string;
  sections: ReportSection[];
  /** Shown when there is nothing judged yet. */
  emptyNote?: string;
}
