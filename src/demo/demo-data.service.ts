import { Injectable } from '@nestjs/common';
import { TokenService } from '../auth/token.service';

export const DEMO_TOKEN_LABEL = 'demo';

/**
 * Demo mode (DEMO_DATA, on by default for the embedded database): a fresh coordination token on every
 * start (tokens are stored as hashes, so an old one cannot be shown again; the previous demo token
 * is revoked) and, on a fresh database, plausible data for every office.
 */
@Injectable()
export class DemoDataService {
  constructor(private readonly tokens: TokenService) {}

  async prepare(): Promise<{ coordinationToken: string }> {
    await this.tokens.revokeByLabel(DEMO_TOKEN_LABEL);
    const { token } = await this.tokens.create('coordination', [], DEMO_TOKEN_LABEL);
    return { coordinationToken: token };
  }
}
