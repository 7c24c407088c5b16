import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { DatabaseProbe } from './database-probe';

@ApiTags('Betrieb')
@Controller('health')
export class HealthController {
  constructor(private readonly database: DatabaseProbe) {}

  /** Up only when the database answers; load balancers and the CLI rely on it. */
  @Get()
  @Public()
  async health(@Res({ passthrough: true }) res: Response): Promise<{ status: 'ok' | 'error'; database: 'up' | 'down' }> {
    if (await this.database.answers()) return { status: 'ok', database: 'up' };
    res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status: 'error', database: 'down' };
  }
}
