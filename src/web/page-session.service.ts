import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { cookieValue, SESSION_COOKIE } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { BrowserSessionService } from '../auth/browser-session.service';
import type { Office } from '../offices/office.entity';
import { OfficesService } from '../offices/offices.service';

/** Who is looking at a page, and the offices their token may see (for the header and the landing page). */
export interface PageViewer {
  principal: Principal;
  offices: Office[];
}

/**
 * Page routes are @Public() for the global guard (they redirect instead of answering 401); this
 * resolves the session cookie the same way the guard does, so a page shows what the API would.
 */
@Injectable()
export class PageSessionService {
  constructor(
    private readonly sessions: BrowserSessionService,
    private readonly offices: OfficesService,
  ) {}

  async viewer(req: Request): Promise<PageViewer | undefined> {
    const sessionId = cookieValue(req.header('cookie'), SESSION_COOKIE);
    const principal = sessionId ? await this.sessions.principalOf(sessionId) : undefined;
    if (!principal) return undefined;
    return { principal, offices: await this.offices.listFor(principal) };
  }

  /** Where a viewer lands after signing in: the coordination office on the overview, a regional office on its own page. */
  landingPath(viewer: Pick<PageViewer, 'principal'>): string {
    const { principal } = viewer;
    if (principal.role === 'coordination' || principal.officeIds.length === 0) return '/';
    return `/regionalstellen/${encodeURIComponent(principal.officeIds[0])}`;
  }
}
