import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../common/project-root';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import type { Principal } from '../auth/principal';
import { assertOfficeAccess } from '../auth/principal';
import { sqlState } from '../database/transaction-retry';
import { Office } from './office.entity';
import { nameConflict } from './office-name-conflict';
import type { CreateOfficeDto, OfficeDto } from './dto/office.dto';

export const officesFile = () => join(projectRoot(), 'config', 'offices.json');

const idTaken = (id: string) => new DomainError('conflict', `Die Regionalstelle „${id}“ gibt es bereits.`);

export function toOfficeDto(o: Office): OfficeDto {
  return { id: o.id, name: o.name, role: o.role, seatId: o.seatId };
}

@Injectable()
export class OfficesService {
  private readonly logger = new Logger('OfficesService');

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(Office);
  }

  /** First start: an empty office table is filled from config/offices.json; later edits are kept. */
  async seedIfEmpty(file = officesFile()): Promise<number> {
    return this.ds.transaction(async (m) => {
      const [{ count }]: Array<{ count: string }> = await m.query('SELECT count(*)::text AS count FROM office');
      if (Number(count) > 0) return 0;
      const { offices } = JSON.parse(readFileSync(file, 'utf8')) as { offices: Array<{ id: string; name: string; role: Office['role']; seatId?: string }> };
      // Two entries sharing a name (or a name that is another's id): the database would refuse them
      // too, but with a message that names neither the file nor the entry.
      for (const [i, o] of offices.entries()) {
        const clash = nameConflict(offices.slice(0, i), o, true);
        if (clash) throw new Error(`${file}: ${clash.message}`);
      }
      // Seats first, so the seat foreign key of each minor location resolves.
      const ordered = [...offices].sort((a, b) => Number(a.role === 'tandem-minor') - Number(b.role === 'tandem-minor'));
      for (const o of ordered) {
        await m.query('INSERT INTO office (id, name, role, seat_id) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', [o.id, o.name, o.role, o.seatId ?? null]);
      }
      this.logger.log({ msg: 'offices seeded', count: offices.length });
      return offices.length;
    });
  }

  async listFor(principal: Principal): Promise<Office[]> {
    const all = await this.repo.find({ order: { id: 'ASC' } });
    return principal.role === 'coordination' ? all : all.filter((o) => principal.officeIds.includes(o.id));
  }

  async all(): Promise<Office[]> {
    return this.repo.find({ order: { id: 'ASC' } });
  }

  /** The office if it exists and the caller may see it; 404 for unknown, 403 for a foreign office. */
  async getFor(principal: Principal, id: string): Promise<Office> {
    assertOfficeAccess(principal, id);
    return this.get(id);
  }

  async get(id: string): Promise<Office> {
    const office = await this.repo.findOne({ where: { id } });
    if (!office) throw DomainError.notFound(`Die Regionalstelle „${id}“ ist nicht bekannt.`);
    return office;
  }

  async create(dto: CreateOfficeDto): Promise<Office> {
    if (dto.role === 'tandem-minor') {
      if (!dto.seatId) throw DomainError.validation([{ field: 'seatId', message: 'Ein Tandem-Nebenstandort braucht einen Regionalstellensitz (seatId).' }]);
      const seat = await this.repo.findOne({ where: { id: dto.seatId } });
      if (!seat) throw DomainError.validation([{ field: 'seatId', message: `Der Regionalstellensitz „${dto.seatId}“ ist nicht bekannt.` }]);
      if (seat.role !== 'tandem-seat') throw DomainError.validation([{ field: 'seatId', message: `„${dto.seatId}“ ist kein Tandem-Regionalstellensitz.` }]);
    } else if (dto.seatId) {
      throw DomainError.validation([{ field: 'seatId', message: 'seatId ist nur für Tandem-Nebenstandorte (tandem-minor) zulässig.' }]);
    }
    const candidate = { id: dto.id, name: dto.name.trim() };
    const offices = await this.all();
    if (offices.some((o) => o.id === dto.id)) throw idTaken(dto.id);
    const taken = nameConflict(offices, candidate, true);
    if (taken) throw taken;
    const rows: unknown[] = await this.takingNames(candidate, true, () =>
      this.ds.query('INSERT INTO office (id, name, role, seat_id) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id', [dto.id, candidate.name, dto.role, dto.seatId ?? null]),
    );
    if (rows.length === 0) throw idTaken(dto.id);
    return this.get(dto.id);
  }

  async rename(id: string, name: string): Promise<Office> {
    const candidate = { id, name: name.trim() };
    const offices = await this.all();
    if (!offices.some((o) => o.id === id)) throw DomainError.notFound(`Die Regionalstelle „${id}“ ist nicht bekannt.`);
    const taken = nameConflict(offices, candidate, false);
    if (taken) throw taken;
    const rows: unknown[] = await this.takingNames(candidate, false, () =>
      this.ds.query('WITH u AS (UPDATE office SET name = $2, updated_at = now() WHERE id = $1 RETURNING id) SELECT id FROM u', [id, candidate.name]),
    );
    if (rows.length === 0) throw DomainError.notFound(`Die Regionalstelle „${id}“ ist nicht bekannt.`);
    return this.get(id);
  }

  /**
   * Runs the write that gives an office its name. Another request may have taken the name between
   * the check and this write (two offices created at once): the database refuses it then
   * (office_name_key), nothing is written, and the client gets the same 409 naming that office.
   */
  private async takingNames<T>(candidate: { id: string; name: string }, checkId: boolean, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (sqlState(err) !== '23505' || (err as { driverError?: { constraint?: string } }).driverError?.constraint !== 'pk_office_name_key') throw err;
      throw nameConflict(await this.all(), candidate, checkId) ?? new DomainError('conflict', `Der Name „${candidate.name}“ wurde eben für eine andere Regionalstelle vergeben.`, [{ field: 'name', message: 'ist schon vergeben' }]);
    }
  }
}
