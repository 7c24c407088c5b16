import type { TokenRole } from '../auth/api-token.entity';
import { DEVIATION_STATUS_LABELS, type DeviationKind, type ParamSpec } from '../engine';

/** Section 6 knows two parties: the regional office and the leadership (here: the coordination office). */
export type DeviationSide = TokenRole;
export const SIDE_NAMES_DE: Readonly<Record<DeviationSide, string>> = {
  coordination: 'die Koordinierungsstelle (Leitung der JobAgentur EN)',
  regional: 'die Regionalstelle',
};

export type DeviationStatus = 'proposed' | 'agreed' | 'rejected' | 'withdrawn';
export const DEVIATION_STATUSES: DeviationStatus[] = ['proposed', 'agreed', 'rejected', 'withdrawn'];
/** The words of the one vocabulary (src/engine/vocabulary.ts). */
export const STATUS_NAMES_DE: Readonly<Record<DeviationStatus, string>> = {
  proposed: DEVIATION_STATUS_LABELS.proposed.text,
  agreed: DEVIATION_STATUS_LABELS.agreed.text,
  rejected: DEVIATION_STATUS_LABELS.rejected.text,
  withdrawn: DEVIATION_STATUS_LABELS.withdrawn.text,
};

export type DeviationAction = 'proposed' | 'consented' | 'rejected' | 'withdrawn';

export type DeviationParams = Record<string, ParamSpec['value']>;

/** A deviation without its history: lists, and the proposals listed beside a judgement. */
export interface DeviationSummary {
  id: string;
  officeId: string;
  ruleId: string;
  kind: DeviationKind;
  /** Only for kind = parameters. */
  params: DeviationParams | null;
  reason: string;
  /** YYYY-MM-DD, inclusive */
  validFrom: string;
  /** YYYY-MM-DD, inclusive; null: open end */
  validUntil: string | null;
  status: DeviationStatus;
  proposedBy: { tokenId: string; side: DeviationSide };
  proposedAt: string;
  /** While proposed: the side whose consent is missing, never the proposing side. */
  awaitingConsentFrom: DeviationSide | null;
  decidedBy: { tokenId: string; side: DeviationSide } | null;
  decidedAt: string | null;
}

/** One step of the history: who (token), which side, when, what, why. */
export interface DeviationEventView {
  action: DeviationAction;
  side: DeviationSide;
  tokenId: string;
  at: string;
  reason: string | null;
}

export interface DeviationView extends DeviationSummary {
  history: DeviationEventView[];
}

export interface DeviationRow {
  id: string;
  office_id: string;
  rule_id: string;
  valid_from: string;
  valid_until: string | null;
  kind: DeviationKind;
  params: DeviationParams | null;
  reason: string;
  status: DeviationStatus;
  proposed_by: string;
  proposed_side: DeviationSide;
  proposed_at: Date;
  decided_by: string | null;
  decided_side: DeviationSide | null;
  decided_at: Date | null;
}

export interface DeviationEventRow {
  action: DeviationAction;
  side: DeviationSide;
  token_id: string;
  at: Date;
  reason: string | null;
}

export const DEVIATION_COLUMNS =
  'id, office_id, rule_id, valid_from, valid_until, kind, params, reason, status, proposed_by, proposed_side, proposed_at, decided_by, decided_side, decided_at';

export function otherSide(side: DeviationSide): DeviationSide {
  return side === 'coordination' ? 'regional' : 'coordination';
}

export function toSummary(r: DeviationRow): DeviationSummary {
  return {
    id: r.id,
    officeId: r.office_id,
    ruleId: r.rule_id,
    kind: r.kind,
    params: r.params,
    reason: r.reason,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    status: r.status,
    proposedBy: { tokenId: r.proposed_by, side: r.proposed_side },
    proposedAt: new Date(r.proposed_at).toISOString(),
    awaitingConsentFrom: r.status === 'proposed' ? otherSide(r.proposed_side) : null,
    decidedBy: r.decided_by && r.decided_side ? { tokenId: r.decided_by, side: r.decided_side } : null,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
  };
}

export function toView(r: DeviationRow, events: DeviationEventRow[]): DeviationView {
  return {
    ...toSummary(r),
    history: events.map((e) => ({ action: e.action, side: e.side, tokenId: e.token_id, at: new Date(e.at).toISOString(), reason: e.reason })),
  };
}

/** '01.07.2027 bis 31.08.2027' or 'ab 01.07.2027' for messages. */
export function describePeriod(validFrom: string, validUntil: string | null): string {
  const de = (iso: string) => iso.split('-').reverse().join('.');
  return validUntil === null ? `ab ${de(validFrom)} (unbefristet)` : `${de(validFrom)} bis ${de(validUntil)}`;
}
