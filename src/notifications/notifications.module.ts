import { Module } from '@nestjs/common';
import { OfficesModule } from '../offices/offices.module';
import { DigestJob } from './digest.job';
import { DigestService } from './digest.service';
import { MailOutboxRepository } from './mail-outbox.repository';
import { NIGHT_GAP_SOURCE, NO_NIGHT_GAPS } from './night-gaps.seam';
import { NotificationSweeps } from './notification-sweeps.service';
import { NotificationRepository } from './notification.repository';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { RecipientRepository } from './recipient.repository';
import { RecipientsController } from './recipients.controller';
import { RecipientsService } from './recipients.service';

/** The inbox of each side, the nightly e-mail digest and its recipients (issue 12). */
@Module({
  imports: [OfficesModule],
  // Recipients first: its literal path must win over nothing else, but keep the order readable.
  controllers: [RecipientsController, NotificationsController],
  providers: [
    NotificationRepository,
    NotificationsService,
    NotificationSweeps,
    RecipientRepository,
    RecipientsService,
    MailOutboxRepository,
    DigestService,
    DigestJob,
    // SEAM: the gaps API of another team replaces this provider (night-gaps.seam.ts).
    { provide: NIGHT_GAP_SOURCE, useValue: NO_NIGHT_GAPS },
  ],
  exports: [NotificationsService, NotificationSweeps, DigestService, DigestJob],
})
export class NotificationsModule {}
