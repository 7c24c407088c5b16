import { Injectable, Logger } from '@nestjs/common';

export type RunSucceededListener = (runId: string) => Promise<void>;

/**
 * What other features do once an audit run has succeeded (nightly, manual or CLI): corrective
 * actions register here at start. Audits know nothing about them; a listener that fails is logged
 * and never turns a succeeded run into a failed one (the listener catches up later on its own).
 */
@Injectable()
export class AuditRunEvents {
  private readonly logger = new Logger('AuditRunEvents');
  private readonly listeners: RunSucceededListener[] = [];

  onSucceeded(listener: RunSucceededListener): void {
    this.listeners.push(listener);
  }

  async succeeded(runId: string): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(runId);
      } catch (err) {
        this.logger.error({ msg: 'after-run work failed; it is retried later', runId, error: err instanceof Error ? err.message : String(err) });
      }
    }
  }
}
