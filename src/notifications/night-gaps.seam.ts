/**
 * SEAM for "a night that could not be audited". Another team is adding an API for gaps in the
 * nightly audits (nights without a succeeded run that catch-up can no longer reach). Until it lands,
 * the default source reports none; that team provides NIGHT_GAP_SOURCE with its implementation and
 * the sweep (notification-sweeps.service.ts) turns each gap into one coordination notification.
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

export const NO_NIGHT_GAPS: NightGapSource = { nightsNotAudited: async () => [] };
