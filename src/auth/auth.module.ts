import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { BrowserSessionRepository } from './browser-session.repository';
import { BrowserSessionService } from './browser-session.service';
import { TokenService } from './token.service';

@Global()
@Module({
  providers: [TokenService, BrowserSessionRepository, BrowserSessionService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService, BrowserSessionService],
})
export class AuthModule {}
