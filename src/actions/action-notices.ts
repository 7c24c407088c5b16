import { periodLabel, type Rule } from '../engine';
import type { NewNotification } from '../notifications/notification.view';
import type { ActionRow } from './action.view';

/** Dates in German texts: 2026-11-30 → 30.11.2026. */
export function germanDate(iso: string): string {
  return iso.split('-').reverse().join('.');
}

/** What notices need to name an action: the office's name (not its id) and the rule's title. */
export interface NoticeContext {
  officeName: (officeId: string | null) => string;
  rule: (ruleId: string) => Pick<Rule, 'title' | 'shortTitle'> | undefined;
}

/** Where an action is shown: the office's page, or the coordination overview for district rules. */
export function actionLink(a: Pick<ActionRow, 'office_id'>, side: 'coordination' | 'regional'): string {
  if (a.office_id === null || side === 'coordination') return `/#massnahmen`;
  return `/regionalstellen/${encodeURIComponent(a.office_id)}#massnahmen`;
}

type Kind = NewNotification['kind'];

/**
 * German notifications about one action. `to` names the sides that hear of it; the responsible
 * side of a district action is the coordination office, so it never gets the same notice twice.
 */
export function actionNotices(
  ctx: NoticeContext,
  a: ActionRow,
  kind: Kind,
  to: Array<'responsible' | 'coordination' | 'regional'>,
  title: string,
  body: string,
  dedupe?: string,
): NewNotification[] {
  const sides = new Set<'coordination' | 'regional'>();
  for (const t of to) {
    if (t === 'responsible') sides.add(a.responsible_side);
    else if (t === 'regional' && a.office_id !== null) sides.add('regional');
    else if (t === 'coordination') sides.add('coordination');
  }
  return [...sides].map((side) => ({
    side,
    officeId: a.office_id,
    kind,
    title,
    body,
    link: actionLink(a, side),
    actionId: a.id,
    dedupeKey: dedupe ? `${dedupe}:${side}` : null,
  }));
}

/** 'Witten · Mindestöffnungszeit je Woche' (or 'Bezirk · …' for a district rule; the survey's field or item for a survey action). */
export function actionSubject(ctx: NoticeContext, a: Pick<ActionRow, 'office_id' | 'rule_id' | 'survey_source'>): string {
  const where = a.office_id === null ? 'ganzer Bezirk' : ctx.officeName(a.office_id);
  if (a.survey_source) return `${where} · ${a.survey_source.sourceLabel}: ${a.survey_source.fieldTitle}${a.survey_source.itemText ? ` – ${a.survey_source.itemText}` : ''}`;
  const rule = a.rule_id === null ? undefined : ctx.rule(a.rule_id);
  return `${where} · ${rule?.title ?? a.rule_id}`;
}

export function periodList(periods: string[]): string {
  const unique = [...new Set(periods)];
  const shown = unique.slice(0, 6).map(periodLabel).join(', ');
  return unique.length > 6 ? `${shown} und ${unique.length - 6} weitere` : shown;
}
