import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import { CliSecretOnly } from '../auth/auth.decorators';
import { runCliCommand } from './cli-commands';
import type { CliResult } from './cli-output';

export class CliRequestDto {
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  argv: string[];
}

/**
 * PGlite allows one process per data folder. While the service holds the embedded database, the
 * CLI hands its command to this route (authorised by the secret in the data folder's lock file)
 * instead of opening the folder a second time.
 */
@ApiExcludeController()
@Controller('internal/cli')
export class CliBridgeController {
  constructor(private readonly moduleRef: ModuleRef) {}

  @Post()
  @HttpCode(200)
  @CliSecretOnly()
  run(@Body() body: CliRequestDto): Promise<CliResult> {
    return runCliCommand({ get: (type) => this.moduleRef.get(type, { strict: false }) }, body.argv);
  }
}
