import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { formatClock } from '../engine';
import { OfficesService } from '../offices/offices.service';
import { BERLIN } from './berlin-instant';
import type { DateRangeQueryDto } from './dto/date-range-query.dto';
import type { ClosureView, HotlineCoverageView, MonthlyTimeAggregateView } from './dto/evidence-views.dto';
import { EvidenceRepository } from './evidence.repository';

/** The GET routes: an office's stored evidence; time records only as monthly sums. */
@Injectable()
export class EvidenceListingService {
  constructor(
    private readonly offices: OfficesService,
    private readonly evidence: EvidenceRepository,
  ) {}

  async closures(principal: Principal, officeId: string, range: DateRangeQueryDto): Promise<ClosureView[]> {
    await this.allowed(principal, officeId, range);
    const rows = await this.evidence.closures(officeId, range);
    return rows.map((r) => ({ id: r.id, date: r.date, from: r.from === null ? null : formatClock(r.from), to: r.to === null ? null : formatClock(r.to), reason: r.reason }));
  }

  /** The dates of the range are Berlin days: an interval overlapping one of them is listed. */
  async hotlineCoverage(principal: Principal, officeId: string, range: DateRangeQueryDto): Promise<HotlineCoverageView[]> {
    await this.allowed(principal, officeId, range);
    const dayStart = (date: string) => DateTime.fromISO(date, { zone: BERLIN }).startOf('day');
    const from = range.from ? dayStart(range.from).toJSDate() : null;
    const to = range.to ? dayStart(range.to).plus({ days: 1 }).startOf('day').toJSDate() : null;
    const berlin = (d: Date) => DateTime.fromJSDate(d, { zone: BERLIN }).toISO({ suppressMilliseconds: true })!;
    return (await this.evidence.hotlineCoverage(officeId, from, to)).map((r) => ({ id: r.id, start: berlin(r.start), end: berlin(r.end), coveredBy: r.coveredBy }));
  }

  /**
   * Privacy: time records are pseudonymous but still personal data; the API reports them per office
   * only, as sums per month, role group and activity, to every caller including the coordination office.
   */
  async timeRecordAggregates(principal: Principal, officeId: string, range: DateRangeQueryDto): Promise<MonthlyTimeAggregateView[]> {
    await this.allowed(principal, officeId, range);
    return this.evidence.monthlyTimeAggregates(officeId, range);
  }

  private async allowed(principal: Principal, officeId: string, range: DateRangeQueryDto): Promise<void> {
    await this.offices.getFor(principal, officeId);
    if (range.from && range.to && range.to < range.from) {
      throw DomainError.validation([{ field: 'to', message: 'darf nicht vor dem Beginn des Zeitraums liegen' }]);
    }
  }
}
