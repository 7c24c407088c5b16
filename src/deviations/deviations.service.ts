import { Injectable } from '@nestjs/common';
import { assertOfficeAccess, type Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { paramOverrideProblems, type AppliedDeviation } from '../engine';
import { deviationAwaitingConsent } from '../notifications/deviation-notice';
import { NotificationsService } from '../notifications/notifications.service';
import { OfficesService } from '../offices/offices.service';
import { CatalogService } from '../standards/catalog.service';
import { pickApplied } from './deviation-selection';
import { DeviationRepository, type Db } from './deviation.repository';
import {
  describePeriod,
  otherSide,
  SIDE_NAMES_DE,
  STATUS_NAMES_DE,
  toSummary,
  toView,
  type DeviationAction,
  type DeviationRow,
  type DeviationSummary,
  type DeviationView,
} from './deviation.view';
import type { DeviationNoteDto, DeviationRejectionDto } from './dto/deviation-decision.dto';
import type { DeviationProposalDto } from './dto/deviation-proposal.dto';
import type { DeviationQueryDto } from './dto/deviation-query.dto';
import { proposalProblems } from './proposal.validation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a judgement of one office and period needs to know about deviations (section 6). */
export interface DeviationsForPeriod {
  /** Agreed deviations that govern the period, at most one per rule (see pickApplied). */
  applied: AppliedDeviation[];
  /** Proposals still awaiting consent that touch the period: listed with the result, never applied. */
  pending: DeviationSummary[];
}

/**
 * Section 6 of Anlage 3: "Hierzu ist eine einvernehmliche Regelung notwendig, d.h. abweichende
 * Regelungen können nicht einseitig getroffen werden." Either side (the regional office for its own
 * offices, or the coordination office for the leadership) proposes; only the other side can consent.
 * The sides are the token roles, so a second token of the proposing side cannot consent either.
 * The proposing side may withdraw (any of its tokens with access to the office: the proposal belongs
 * to the office or the leadership, not to one person); the other side may reject, with a reason.
 * Every step is an event; nothing is deleted.
 */
@Injectable()
export class DeviationsService {
  constructor(
    private readonly repo: DeviationRepository,
    private readonly offices: OfficesService,
    private readonly catalog: CatalogService,
    private readonly notifications: NotificationsService,
  ) {}

  async propose(principal: Principal, dto: DeviationProposalDto): Promise<DeviationView> {
    assertOfficeAccess(principal, dto.officeId);
    const office = await this.offices.get(dto.officeId).catch(() => undefined);
    const errors = proposalProblems(dto, office, this.catalog.rule(dto.ruleId));
    if (errors.length > 0) throw DomainError.validation(errors, 'Der Vorschlag für eine Abweichung enthält ungültige Angaben.');

    const validUntil = dto.validUntil ?? null;
    return this.repo.transaction(async (db) => {
      await this.repo.lockOffice(db, dto.officeId);
      await this.assertNoOverlap(db, { officeId: dto.officeId, ruleId: dto.ruleId, validFrom: dto.validFrom, validUntil });
      const row = await this.repo
        .insert(db, {
          officeId: dto.officeId,
          ruleId: dto.ruleId,
          validFrom: dto.validFrom,
          validUntil,
          kind: dto.kind,
          params: dto.kind === 'parameters' ? (dto.params as DeviationRow['params']) : null,
          reason: dto.reason.trim(),
          proposedBy: principal.tokenId,
          proposedSide: principal.role,
        })
        .catch(overlapAsConflict);
      await this.repo.addEvent(db, { deviationId: row.id, action: 'proposed', side: principal.role, tokenId: principal.tokenId, reason: row.reason });
      await this.notifications.notify(db, deviationAwaitingConsent(row, office!.name, this.catalog.rule(row.rule_id)!.title));
      return toView(row, await this.repo.events(row.id, db));
    });
  }

  async list(principal: Principal, query: DeviationQueryDto): Promise<DeviationSummary[]> {
    if (query.officeId !== undefined) assertOfficeAccess(principal, query.officeId);
    const officeIds = query.officeId !== undefined ? [query.officeId] : principal.role === 'coordination' ? undefined : principal.officeIds;
    const rows = await this.repo.list({
      officeIds,
      ruleId: query.ruleId,
      status: query.status,
      awaitingConsentFrom: query.pendingForMe === 'true' ? principal.role : undefined,
    });
    return rows.map(toSummary);
  }

  async show(principal: Principal, id: string): Promise<DeviationView> {
    const row = UUID.test(id) ? await this.repo.get(id) : undefined;
    if (!row) throw notFound(id);
    assertOfficeAccess(principal, row.office_id);
    return toView(row, await this.repo.events(id));
  }

  /** The other side agrees: from now on the deviation applies from its validFrom on. */
  consent(principal: Principal, id: string, dto: DeviationNoteDto): Promise<DeviationView> {
    return this.decide(principal, id, 'consented', dto.reason, async (db, row) => {
      assertOtherSide(principal, row, 'zustimmen');
      // The catalog may have changed since the proposal; an agreement must still make sense.
      const rule = this.catalog.rule(row.rule_id);
      const stale = !rule ? ['Die Regel steht nicht mehr im Regelkatalog.'] : row.params ? paramOverrideProblems(rule, row.params).map((p) => p.message) : [];
      if (stale.length > 0) throw new DomainError('conflict', `Der Vorschlag passt nicht mehr zum Regelkatalog in Kraft: ${stale.join(' ')} Bitte ablehnen und neu vorschlagen.`);
      await this.repo.lockOffice(db, row.office_id);
      await this.assertNoOverlap(db, { officeId: row.office_id, ruleId: row.rule_id, validFrom: row.valid_from, validUntil: row.valid_until, exceptId: row.id });
      await this.repo.decide(db, row.id, 'agreed', principal.tokenId, principal.role).catch(overlapAsConflict);
    });
  }

  reject(principal: Principal, id: string, dto: DeviationRejectionDto): Promise<DeviationView> {
    return this.decide(principal, id, 'rejected', dto.reason, async (db, row) => {
      assertOtherSide(principal, row, 'ablehnen');
      await this.repo.decide(db, row.id, 'rejected', principal.tokenId, principal.role);
    });
  }

  withdraw(principal: Principal, id: string, dto: DeviationNoteDto): Promise<DeviationView> {
    return this.decide(principal, id, 'withdrawn', dto.reason, async (db, row) => {
      if (principal.role !== row.proposed_side) {
        throw DomainError.forbidden(
          `Zurückziehen kann nur die vorschlagende Seite (${SIDE_NAMES_DE[row.proposed_side]}). ${capitalise(SIDE_NAMES_DE[principal.role])} kann den Vorschlag ablehnen.`,
        );
      }
      await this.repo.decide(db, row.id, 'withdrawn', principal.tokenId, principal.role);
    });
  }

  /**
   * The deviations a judgement of office `officeId` over [from, to] (dates inclusive) must use:
   * agreed ones that govern the period (pickApplied: the one in effect on most of its working days,
   * and only if it covers more of them than the standard does) and proposals awaiting consent.
   */
  async forPeriod(officeId: string, from: string, to: string): Promise<DeviationsForPeriod> {
    return deviationsForPeriod(await this.repo.liveInPeriod(officeId, from, to), from, to);
  }

  /** All proposed and agreed deviations of an office, for deviationsForPeriod (the pre-check's cache). */
  live(officeId: string): Promise<DeviationRow[]> {
    return this.repo.live(officeId);
  }

  /** Agreed deviations per office for a range, to be picked per judged period with pickApplied. */
  async agreedByOffice(officeIds: string[], from: string, to: string): Promise<Map<string, AppliedDeviation[]>> {
    const out = new Map<string, AppliedDeviation[]>();
    for (const row of await this.repo.agreedInPeriod(officeIds, from, to)) {
      const list = out.get(row.office_id) ?? [];
      list.push(toApplied(row));
      out.set(row.office_id, list);
    }
    return out;
  }

  private async decide(
    principal: Principal,
    id: string,
    action: Exclude<DeviationAction, 'proposed'>,
    reason: string | undefined,
    apply: (db: Db, row: DeviationRow) => Promise<void>,
  ): Promise<DeviationView> {
    if (!UUID.test(id)) throw notFound(id);
    return this.repo.transaction(async (db) => {
      const row = await this.repo.getForUpdate(db, id);
      if (!row) throw notFound(id);
      assertOfficeAccess(principal, row.office_id);
      if (row.status !== 'proposed') {
        throw new DomainError(
          'conflict',
          `Die Abweichung ist bereits ${STATUS_NAMES_DE[row.status]}; nur ein offener Vorschlag kann angenommen, abgelehnt oder zurückgezogen werden.`,
        );
      }
      await apply(db, row);
      await this.repo.addEvent(db, { deviationId: row.id, action, side: principal.role, tokenId: principal.tokenId, reason: reason?.trim() || null });
      return toView((await this.repo.get(id, db))!, await this.repo.events(id, db));
    });
  }

  private async assertNoOverlap(db: Db, d: { officeId: string; ruleId: string; validFrom: string; validUntil: string | null; exceptId?: string }): Promise<void> {
    const [other] = await this.repo.overlapping(db, d);
    if (other) {
      throw new DomainError(
        'conflict',
        // Named by its period and reason as people tell deviations apart, not by ids (issue 13).
        `Für diese Regionalstelle und den Standard „${this.catalog.rule(d.ruleId)?.title ?? d.ruleId}“ ist im Zeitraum ${describePeriod(other.valid_from, other.valid_until)} ` +
          `bereits eine Abweichung ${STATUS_NAMES_DE[other.status]} (Begründung: „${other.reason}“). Je Standard und Regionalstelle darf zu jedem Tag nur eine Abweichung gelten; ` +
          'bitte den Zeitraum anpassen oder die andere Abweichung erst zurückziehen bzw. ablehnen lassen.',
      );
    }
  }
}

/**
 * What forPeriod answers, from live (proposed or agreed) rows of one office: those whose period
 * touches [from, to] (dates inclusive, open end) decide, in the order given.
 */
export function deviationsForPeriod(live: readonly DeviationRow[], from: string, to: string): DeviationsForPeriod {
  const rows = live.filter((r) => r.valid_from <= to && (r.valid_until === null || r.valid_until >= from));
  const agreed = rows.filter((r) => r.status === 'agreed').map(toApplied);
  return { applied: pickApplied(agreed, from, to), pending: rows.filter((r) => r.status === 'proposed').map(toSummary) };
}

/** Section 6: consent (or refusal) must come from the side that did not propose. */
function assertOtherSide(principal: Principal, row: DeviationRow, verb: string): void {
  if (principal.role === row.proposed_side) {
    throw DomainError.forbidden(
      `Abweichungen können nach Abschnitt 6 der Anlage 3 nicht einseitig getroffen werden: Vorgeschlagen hat ${SIDE_NAMES_DE[row.proposed_side]}, ` +
        `deshalb kann nur ${SIDE_NAMES_DE[otherSide(row.proposed_side)]} ${verb}.`,
    );
  }
}

function toApplied(r: DeviationRow): AppliedDeviation {
  return {
    id: r.id,
    ruleId: r.rule_id,
    kind: r.kind,
    ...(r.params ? { params: r.params } : {}),
    reason: r.reason,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
  };
}

function notFound(id: string): DomainError {
  return DomainError.notFound(`Die Abweichung „${id}“ gibt es nicht.`);
}

/** The database's own overlap guard (trigger) answers like the service's check. */
function overlapAsConflict(error: unknown): never {
  const code = (error as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (error as { code?: string })?.code;
  if (code === '23P01') {
    throw new DomainError('conflict', 'Für diese Regel und Regionalstelle gilt in diesem Zeitraum bereits eine andere Abweichung (vorgeschlagen oder vereinbart).');
  }
  throw error;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
