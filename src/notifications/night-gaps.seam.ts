/**
 * "A night that could not be audited": nights without a succeeded nightly run that catch-up can no
 * longer reach. The source is AuditNightGaps (the audits' gap records); the sweep
 * (notification-sweeps.service.ts) turns each gap into one coordination notification. An interface,
 * so that the sweep's tests can hand in gaps without staging missed nights.
 */
export const NIGHT_GAP_SOURCE = Symbol('NIGHT_GAP_SOURCE');

export interface NightGap {
  /** YYYY-MM-DD, the night (Berlin) that has no audit. */
  night: string;
  /** German: why, e.g. 'Kein Prüflauf: Nachholfrist verstrichen'. */
  reason: string;
}

export interface NightGapSource {
  nightsNotAudited(sinceDate: string): Promise<NightGap[]>;
}

