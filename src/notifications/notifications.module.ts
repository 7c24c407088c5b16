import { Module } from '@nestjs/common';
import { AuditsModule } from '../audits/audits.module';
import { OfficesModule } from '../offices/offices.module';
import { AuditNightGaps } from './audit-night-gaps';
import { DigestJob } from './digest.job';
import { DigestService } from './digest.service';
import { MailOutboxRepository } from './mail-outbox.repository';
import { NIGHT_GAP_SOURCE } from './night-gaps.seam';
import { NotificationSweeps } from './notification-sweeps.service';
import { NotificationRepository } from './notification.repository';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { RecipientRepository } from './recipient.repository';
import { RecipientsController } from './recipients.controller';
import { RecipientsService } from './recipients.service';

/** The inbox of each side, the nightly e-mail digest and its recipients (issue 12). */
@Module({
  imports: [OfficesModule, AuditsModule],
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
    // Nights the nightly audit missed for good (audits/audit-gaps.ts) become coordination notifications.
    { provide: NIGHT_GAP_SOURCE, useClass: AuditNightGaps },
  ],
  exports: [NotificationsService, NotificationSweeps, DigestService, DigestJob],
})
export class NotificationsModule {}
