import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TokenService } from '../auth/token.service';
import { CLOCK, type Clock } from '../common/clock';
import { projectRoot } from '../common/project-root';
import { AuditService } from '../audits/audit.service';
import { EvidenceImportService } from '../evidence/evidence-import.service';
import { SchedulesService } from '../schedules/schedules.service';
import { DateTime } from 'luxon';
import { ZONE } from '../calendar';
import type { Principal } from '../auth/principal';
import { DemoActions } from '../actions/demo-actions';
import { demoEvidence, demoPracticeMeetings } from './demo-evidence';
import { demoOfficeRegisters } from './demo-office-registers';
import { SurveyDemoService } from '../surveys/survey-demo.service';

export const DEMO_TOKEN_LABEL = 'demo';

interface DemoSchedules {
  validFrom: string;
  schedules: Array<{ officeId: string; openingHours: string }>;
}

/**
 * Demo mode (DEMO_DATA, on by default for the embedded database): a fresh coordination token on every
 * start (tokens are stored as hashes, so an old one cannot be shown again; the previous demo token
 * is revoked) and, on a database without schedules, plausible data for every office so that a
 * newcomer sees real findings at once.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly tokens: TokenService,
    private readonly schedules: SchedulesService,
    private readonly evidence: EvidenceImportService,
    private readonly audits: AuditService,
    private readonly demoActions: DemoActions,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly surveys: SurveyDemoService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async prepare(): Promise<{ coordinationToken: string }> {
    await this.tokens.revokeByLabel(DEMO_TOKEN_LABEL);
    const { id, token } = await this.tokens.create('coordination', [], DEMO_TOKEN_LABEL);
    const principal: Principal = { tokenId: id, role: 'coordination', officeIds: [] };
    const fresh = await this.seedSchedules(principal);
    if (fresh) await this.seedEvidenceAndAudit(principal);
    await this.surveys.seedIfEmpty(principal);
    return { coordinationToken: token };
  }

  /** Schedules for every office, only into a database that has none (true then). */
  private async seedSchedules(principal: Principal): Promise<boolean> {
    const [{ n }]: Array<{ n: number }> = await this.ds.query('SELECT count(*)::int AS n FROM schedule_version');
    if (n > 0) return false;
    const demo = JSON.parse(readFileSync(join(projectRoot(), 'config', 'demo-schedules.json'), 'utf8')) as DemoSchedules;
    for (const s of demo.schedules) {
      await this.schedules.submit(principal, { officeId: s.officeId, validFrom: demo.validFrom, openingHours: s.openingHours });
    }
    this.logger.log({ msg: 'demo schedules seeded', count: demo.schedules.length });
    return true;
  }

  /** Recent closures, hotline coverage and time records, then an audit so that the overview has a report. */
  private async seedEvidenceAndAudit(principal: Principal): Promise<void> {
    // The service's clock: the demo's audits end yesterday by it (AuditService judges only ended periods).
    const now = DateTime.fromJSDate(this.clock(), { zone: ZONE });
    const json = (body: unknown[]) => ({ contentType: 'application/json', body });
    for (const e of demoEvidence(now)) {
      if (e.closures.length) await this.evidence.importClosures(principal, e.officeId, json(e.closures));
      if (e.hotline.length) await this.evidence.importHotlineCoverage(principal, e.officeId, json(e.hotline));
      if (e.timeRecords.length) await this.evidence.importTimeRecords(principal, e.officeId, json(e.timeRecords));
      if (e.teamMembership.length) await this.evidence.import(principal, e.officeId, 'team-membership', json(e.teamMembership));
      if (e.employerAssignments.length) await this.evidence.import(principal, e.officeId, 'employer-assignments', json(e.employerAssignments));
    }
    for (const r of demoOfficeRegisters(now)) {
      if (r.appointmentSlots.length) await this.evidence.import(principal, r.officeId, 'appointment-slots', json(r.appointmentSlots));
      if (r.contactCounts.length) await this.evidence.import(principal, r.officeId, 'contact-counts', json(r.contactCounts));
      if (r.caseloadHandovers.length) await this.evidence.import(principal, r.officeId, 'caseload-handovers', json(r.caseloadHandovers));
    }
    await this.evidence.importPracticeMeetings(principal, json(demoPracticeMeetings(now)));
    const from = now.startOf('month').minus({ months: 1 }).toISODate()!;
    const to = now.minus({ days: 1 }).toISODate()!;
    // Two audits, three weeks apart in the data, with the offices' work on corrective actions in
    // between: the second audit verifies or reopens by evidence (see demoCycle).
    const split = now.startOf('week').minus({ weeks: 2, days: 1 }).toISODate()!; // a Sunday
    const first = await this.audits.run({ trigger: 'manual', from, to: split, requestedBy: principal.tokenId });
    await this.demoCycle(principal, split, to);
    const run = await this.audits.run({ trigger: 'manual', from, to, requestedBy: principal.tokenId });
    this.logger.log({ msg: 'demo evidence seeded and audited', runIds: [first?.id, run?.id], from, to });
  }

  /**
   * Corrective actions in each state on first start: Witten moved its staff meeting (done, and the
   * next week proves it: verified), Herdecke reported a measure done that did not change its hours
   * (reopened by the next week), plans another one (planned), Hattingen reported its hotline fix
   * done yesterday (done, waiting for next week); the coordination office dismissed one of Wetter's
   * actions because a deviation is being agreed; the rest stay open.
   */
  private async demoCycle(principal: Principal, split: string, yesterday: string): Promise<void> {
    const regional = await this.tokens.create('regional', ['witten', 'herdecke', 'hattingen', 'wetter'], 'demo-regional');
    await this.demoActions.apply(
      [
        { officeId: 'witten', ruleId: 'opening.every-morning', step: 'done', on: split, text: 'Dienstbesprechungen finden künftig nachmittags statt.' },
        { officeId: 'herdecke', ruleId: 'opening.every-weekday', step: 'done', on: split, text: 'Vertretung am Freitag über Wetter organisiert.' },
        { officeId: 'herdecke', ruleId: 'opening.weekly-minimum', step: 'plan', text: 'Öffnung Montag bis Donnerstag bis 13:00 verlängern.' },
        { officeId: 'hattingen', ruleId: 'hotline.employer-service-hours', step: 'done', on: yesterday, text: 'Übergabe an die Hotline mittwochs schon um 13:00.' },
        { officeId: 'wetter', ruleId: 'opening.every-morning', step: 'dismiss', text: 'Abweichung nach Abschnitt 6 wird vereinbart: Mittwochvormittag geschlossen (Erprobung).' },
      ],
      regional.id,
      principal.tokenId,
    );
    await this.tokens.revokeByLabel('demo-regional'); // its only use: to sign the demo's steps
  }
}
