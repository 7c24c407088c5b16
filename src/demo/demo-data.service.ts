import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TokenService } from '../auth/token.service';
import { projectRoot } from '../common/project-root';
import { SchedulesService } from '../schedules/schedules.service';

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
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  async prepare(): Promise<{ coordinationToken: string }> {
    await this.tokens.revokeByLabel(DEMO_TOKEN_LABEL);
    const { id, token } = await this.tokens.create('coordination', [], DEMO_TOKEN_LABEL);
    await this.seedSchedules(id);
    return { coordinationToken: token };
  }

  private async seedSchedules(tokenId: string): Promise<void> {
    const [{ n }]: Array<{ n: number }> = await this.ds.query('SELECT count(*)::int AS n FROM schedule_version');
    if (n > 0) return;
    const demo = JSON.parse(readFileSync(join(projectRoot(), 'config', 'demo-schedules.json'), 'utf8')) as DemoSchedules;
    const principal = { tokenId, role: 'coordination' as const, officeIds: [] };
    for (const s of demo.schedules) {
      await this.schedules.submit(principal, { officeId: s.officeId, validFrom: demo.validFrom, openingHours: s.openingHours });
    }
    this.logger.log({ msg: 'demo schedules seeded', count: demo.schedules.length });
  }
}
