import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface InstanceRow {
  id: string;
  kind: 'service' | 'cli';
  host: string;
  pid: number;
}

/** The service_instance table: which processes use the database and when each last said it is alive. */
@Injectable()
export class InstanceRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async register(i: InstanceRow): Promise<void> {
    await this.ds.query('INSERT INTO service_instance (id, kind, host, pid) VALUES ($1, $2, $3, $4)', [i.id, i.kind, i.host.slice(0, 255), i.pid]);
  }

  async heartbeat(id: string): Promise<void> {
    await this.ds.query('UPDATE service_instance SET heartbeat_at = clock_timestamp() WHERE id = $1 AND stopped_at IS NULL', [id]);
  }

  async stop(id: string): Promise<void> {
    await this.ds.query('UPDATE service_instance SET stopped_at = clock_timestamp() WHERE id = $1 AND stopped_at IS NULL', [id]);
  }
}
