import { Injectable } from '@nestjs/common';
import { AuditRunRepository } from './audit-run.repository';

/** A night the nightly audit did not judge and will not catch up by itself. */
export interface AuditGap {
  night: string;
  /** The record of the missed run in GET /api/v1/audits (status failed, missed true). */
  runId: string;
  /** What the night's run would have judged. */
  from: string;
  to: string;
  periods: string[];
  /** How to audit the night by hand; its run then closes the gap. */
  command: string;
}

/** The CLI command that audits one night as the nightly audit would have. */
export const catchUpCommand = (night: string) => `npm run --silent cli -- audit --night ${night}`;

/**
 * Nights not audited (issue 10): recorded by the nightly job when a night falls out of the catch-up
 * window, shown on GET /api/v1/audits/gaps and the coordination page, and open to other features
 * (notifications about "a night could not be audited") through `open()`.
 */
@Injectable()
export class AuditGaps {
  constructor(private readonly runs: AuditRunRepository) {}

  async open(): Promise<AuditGap[]> {
    return (await this.runs.openGaps()).map((r) => ({
      night: r.nightly_date!,
      runId: r.id,
      from: r.period_from,
      to: r.period_to,
      periods: r.periods,
      command: catchUpCommand(r.nightly_date!),
    }));
  }
}
