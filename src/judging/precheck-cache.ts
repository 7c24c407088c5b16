import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ChangeAwareCache } from '../database/change-aware-cache';
import { tableChangesOf } from '../database/table-changes';
import type { DeviationRow } from '../deviations/deviation.view';
import { DeviationsService, deviationsForPeriod, type DeviationsForPeriod } from '../deviations/deviations.service';
import type { Office } from '../offices/office.entity';
import { OfficesService } from '../offices/offices.service';
import { JudgingFactsRepository, type ScheduleVersionFact } from './judging-facts.repository';
import { pickInForce } from './schedule-in-force';

/**
 * What the schedule pre-check reads, kept in memory (issue 14 item 4: a pre-check should not wait
 * for the database): the offices, each tandem seat's schedule versions, each office's proposed and
 * agreed deviations. Dropped when their table changes; the bound is ChangeAwareCache's (at once for
 * this instance's writes, milliseconds for other instances on a server, never more than a second).
 * The token behind a request is cached in TokenService; authorization is still decided per request.
 */
@Injectable()
export class PrecheckCache {
  private readonly offices: ChangeAwareCache<'all', Map<string, Office>>;
  private readonly versions: ChangeAwareCache<string, ScheduleVersionFact[]>;
  private readonly deviations: ChangeAwareCache<string, DeviationRow[]>;

  constructor(
    @InjectDataSource() ds: DataSource,
    private readonly officesService: OfficesService,
    private readonly facts: JudgingFactsRepository,
    private readonly deviationsService: DeviationsService,
  ) {
    const changes = tableChangesOf(ds);
    this.offices = new ChangeAwareCache(changes, ['office'], { maxEntries: 1 });
    this.versions = new ChangeAwareCache(changes, ['schedule_version'], { maxEntries: 1_000 });
    this.deviations = new ChangeAwareCache(changes, ['deviation'], { maxEntries: 10_000 });
  }

  /** The office, or undefined when there is none with this id. Shared: do not change it. */
  async office(id: string): Promise<Office | undefined> {
    const all = await this.offices.get('all', async () => new Map((await this.officesService.all()).map((o) => [o.id, o])));
    return all.get(id);
  }

  /** The office's schedule version in force on the day (pickInForce), if any. */
  async scheduleInForce(officeId: string, date: string): Promise<ScheduleVersionFact | undefined> {
    return pickInForce(await this.versions.get(officeId, () => this.facts.allScheduleVersions(officeId)), date);
  }

  /** DeviationsService.forPeriod from memory. */
  async deviationsFor(officeId: string, from: string, to: string): Promise<DeviationsForPeriod> {
    return deviationsForPeriod(await this.deviations.get(officeId, () => this.deviationsService.live(officeId)), from, to);
  }
}
