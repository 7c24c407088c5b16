import { Injectable } from '@nestjs/common';
import { AuditGaps, type AuditGap } from '../audits/audit-gaps';
import type { NightGap, NightGapSource } from './night-gaps.seam';

/**
 * The nights the nightly audit recorded as missed (AuditGaps, issue 10) as inbox notifications: each
 * open gap since the look-back date becomes one coordination notification saying how to close it.
 */
@Injectable()
export class AuditNightGaps implements NightGapSource {
  constructor(private readonly gaps: AuditGaps) {}

  async nightsNotAudited(sinceDate: string): Promise<NightGap[]> {
    return (await this.gaps.open()).filter((g) => g.night >= sinceDate).map(toNightGap);
  }
}

export function toNightGap(gap: AuditGap): NightGap {
  return {
    night: gap.night,
    reason: `Der nächtliche Prüflauf hat diese Nacht nicht geprüft und holt sie nicht mehr selbst nach. Nachholen mit: ${gap.command}`,
  };
}
