import { Module } from '@nestjs/common';
import { OfficesModule } from '../offices/offices.module';
import { InboxPageController } from './inbox-page.controller';
import { PageSessionService } from './page-session.service';
import { WebAssetsController } from './web-assets.controller';
import { WebPagesController } from './web-pages.controller';
import { WebSessionController } from './web-session.controller';

/** The web pages (issue 7): server-rendered frames, vanilla scripts that read the JSON API, no build step. */
@Module({
  imports: [OfficesModule],
  controllers: [WebSessionController, WebPagesController, InboxPageController, WebAssetsController],
  providers: [PageSessionService],
})
export class WebModule {}
