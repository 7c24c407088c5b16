import { Injectable } from '@nestjs/common';
import { ActionRepository } from './action.repository';
import { firstPeriodAfter } from './verification-period';

/** Demo steps of the cycle, each by a side's token, on a given (past) day. */
export interface DemoStep {
  officeId: string;
  ruleId: string;
  /** plan: a measure; done: planned and reported done on `on`; dismiss: by the coordination office. */
  step: 'plan' | 'done' | 'dismiss';
  text: string;
  on?: string;
}

/**
 * Demo data only (src/demo): walks some of the actions a first audit opened through the cycle as
 * the offices would have, with the done date in the past, so that the next demo audit verifies or
 * reopens them by evidence. Writes through the repository with real tokens and events; it never
 * sets `verified` itself.
 */
@Injectable()
export class DemoActions {
  constructor(private readonly repo: ActionRepository) {}

  async apply(steps: DemoStep[], regionalTokenId: string, coordinationTokenId: string): Promise<number> {
    let applied = 0;
    await this.repo.transaction(async (db) => {
      for (const s of steps) {
        const action = await this.repo.liveFor(db, s.officeId, s.ruleId);
        if (!action || action.status !== 'open') continue;
        const regional = { side: 'regional' as const, tokenId: regionalTokenId };
        if (s.step === 'dismiss') {
          await this.repo.change(db, action.id, { status: 'dismissed', dismissReason: s.text });
          await this.repo.addEvent(db, { actionId: action.id, kind: 'dismissed', fromStatus: 'open', toStatus: 'dismissed', actor: { side: 'coordination', tokenId: coordinationTokenId }, note: s.text });
        } else {
          await this.repo.change(db, action.id, { status: 'planned', measure: s.text });
          await this.repo.addEvent(db, { actionId: action.id, kind: 'planned', fromStatus: 'open', toStatus: 'planned', actor: regional, note: s.text });
          if (s.step === 'done' && s.on) {
            await this.repo.change(db, action.id, { status: 'done', doneOn: s.on, verifyPeriod: firstPeriodAfter(s.on, action.period_kind).id });
            await this.repo.addEvent(db, { actionId: action.id, kind: 'done', fromStatus: 'planned', toStatus: 'done', actor: regional, note: null });
          }
        }
        applied++;
      }
    });
    return applied;
  }
}
