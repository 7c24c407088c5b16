import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { NotificationRepository, type Db, type Inbox } from './notification.repository';
import { toNotificationView, type NewNotification, type NotificationView } from './notification.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function inboxOf(principal: Principal): Inbox {
  return principal.role === 'coordination' ? { side: 'coordination' } : { side: 'regional', officeIds: principal.officeIds };
}

/**
 * The in-app inbox of each side. Producers (corrective actions, deviations, the nightly sweep) call
 * notify() inside their own transaction, so a change that is rolled back announces nothing.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly repo: NotificationRepository) {}

  /** Inserts notifications (one statement); returns how many were new (not seen before by dedupe key). */
  async notify(db: Db, ...notifications: NewNotification[]): Promise<number> {
    return this.repo.insert(db, notifications);
  }

  async list(principal: Principal, opts: { unreadOnly?: boolean; limit?: number; offset?: number }): Promise<{ unread: number; items: NotificationView[] }> {
    const inbox = inboxOf(principal);
    const [unread, rows] = [await this.repo.unreadCount(inbox), await this.repo.list(inbox, { unreadOnly: opts.unreadOnly ?? false, limit: opts.limit ?? 50, offset: opts.offset ?? 0 })];
    return { unread, items: rows.map(toNotificationView) };
  }

  async unreadCount(principal: Principal): Promise<number> {
    return this.repo.unreadCount(inboxOf(principal));
  }

  async markRead(principal: Principal, id: string): Promise<NotificationView> {
    const row = UUID.test(id) ? await this.repo.get(id) : undefined;
    if (!row) throw DomainError.notFound(`Die Mitteilung „${id}“ gibt es nicht.`);
    const mine = principal.role === 'coordination' ? row.side === 'coordination' : row.side === 'regional' && row.office_id !== null && principal.officeIds.includes(row.office_id);
    if (!mine) throw DomainError.forbidden('Diese Mitteilung ist nicht an Ihre Seite oder Regionalstelle gerichtet.');
    await this.repo.markRead(id, principal.tokenId);
    return toNotificationView((await this.repo.get(id))!);
  }

  async markAllRead(principal: Principal): Promise<{ marked: number }> {
    return { marked: await this.repo.markAllRead(inboxOf(principal), principal.tokenId) };
  }
}
