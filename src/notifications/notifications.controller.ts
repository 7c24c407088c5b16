import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { NotificationQueryDto } from './dto/notification-query.dto';
import type { NotificationView } from './notification.view';
import { NotificationsService } from './notifications.service';

@ApiTags('Mitteilungen')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Posteingang der eigenen Seite (Koordinierungsstelle bzw. eigene Regionalstellen), neueste zuerst, mit Zahl der ungelesenen' })
  list(@CurrentPrincipal() p: Principal, @Query() q: NotificationQueryDto): Promise<{ unread: number; items: NotificationView[] }> {
    return this.notifications.list(p, { unreadOnly: q.unread === 'true', limit: q.limit ? Number(q.limit) : undefined, offset: q.offset ? Number(q.offset) : undefined });
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'Zahl der ungelesenen Mitteilungen (für jede Seite)' })
  async unread(@CurrentPrincipal() p: Principal): Promise<{ unread: number }> {
    return { unread: await this.notifications.unreadCount(p) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Alle Mitteilungen der eigenen Seite als gelesen markieren' })
  readAll(@CurrentPrincipal() p: Principal): Promise<{ marked: number }> {
    return this.notifications.markAllRead(p);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Eine Mitteilung als gelesen markieren' })
  read(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<NotificationView> {
    return this.notifications.markRead(p, id);
  }
}
