import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { OfficesService } from '../offices/offices.service';

/** Work every process does once the database is migrated: offices must exist before anything refers to them. */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  constructor(private readonly offices: OfficesService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.offices.seedIfEmpty();
  }
}
