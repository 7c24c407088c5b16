import type { TokenRole } from './api-token.entity';
import { DomainError } from '../common/domain-error';

/** Who is calling: the coordination office (all offices) or a regional office (its own only). */
export interface Principal {
  tokenId: string;
  role: TokenRole;
  officeIds: string[];
}

export function canAccessOffice(principal: Principal, officeId: string): boolean {
  return principal.role === 'coordination' || principal.officeIds.includes(officeId);
}

/** Another office's data answers 403 and never data. */
export function assertOfficeAccess(principal: Principal, officeId: string): void {
  if (!canAccessOffice(principal, officeId)) {
    throw DomainError.forbidden(`Dieses Zugangstoken berechtigt nicht zum Zugriff auf die Regionalstelle „${officeId}“.`);
  }
}
