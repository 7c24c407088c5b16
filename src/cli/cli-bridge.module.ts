import { Module } from '@nestjs/common';
import { CliBridgeController } from './cli-bridge.controller';

@Module({ controllers: [CliBridgeController] })
export class CliBridgeModule {}
