import { Injectable, Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { assertOfficeAccess, type Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { officesFile, OfficesService } from '../offices/offices.service';
import { ADDRESS } from './dto/recipient.dto';
import { RecipientRepository, type RecipientRow } from './recipient.repository';

export interface RecipientView {
  id: string;
  side: 'coordination' | 'regional';
  officeId: string | null;
  address: string;
  /** config: from config/offices.json (change it there); api: added through the API. */
  source: 'config' | 'api';
  createdAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toView(r: RecipientRow): RecipientView {
  return { id: r.id, side: r.side, officeId: r.office_id, address: r.address, source: r.source, createdAt: new Date(r.created_at).toISOString() };
}

/** The addresses config/offices.json names under "recipients": { coordination: [...], offices: { id: [...] } }. */
export function configRecipients(file = officesFile()): { entries: Array<{ side: 'coordination' | 'regional'; officeId: string | null; address: string }>; problems: string[] } {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { recipients?: { coordination?: unknown; offices?: Record<string, unknown> } };
  const entries: Array<{ side: 'coordination' | 'regional'; officeId: string | null; address: string }> = [];
  const problems: string[] = [];
  const take = (list: unknown, side: 'coordination' | 'regional', officeId: string | null, where: string) => {
    if (list === undefined) return;
    if (!Array.isArray(list)) return problems.push(`${where}: erwartet eine Liste von E-Mail-Adressen`);
    for (const address of list) {
      if (typeof address === 'string' && ADDRESS.test(address)) entries.push({ side, officeId, address });
      else problems.push(`${where}: „${String(address)}“ ist keine E-Mail-Adresse`);
    }
  };
  take(data.recipients?.coordination, 'coordination', null, 'recipients.coordination');
  for (const [officeId, list] of Object.entries(data.recipients?.offices ?? {})) take(list, 'regional', officeId, `recipients.offices.${officeId}`);
  return { entries, problems };
}

/** Who receives each side's nightly digest: from config/offices.json and through the API. */
@Injectable()
export class RecipientsService {
  private readonly logger = new Logger('Recipients');

  constructor(
    private readonly repo: RecipientRepository,
    private readonly offices: OfficesService,
  ) {}

  /** Mirrors the recipients of config/offices.json into the table (offices that do not exist are skipped). */
  async syncConfig(file?: string): Promise<void> {
    const { entries, problems } = configRecipients(file);
    for (const p of problems) this.logger.warn({ msg: 'recipient in config/offices.json ignored', problem: p });
    await this.repo.replaceConfig(entries);
  }

  async list(principal: Principal): Promise<RecipientView[]> {
    await this.syncConfig();
    return (await this.repo.list(principal.role === 'coordination' ? undefined : principal.officeIds)).map(toView);
  }

  async add(principal: Principal, officeId: string | undefined, address: string): Promise<{ recipient: RecipientView; created: boolean }> {
    if (officeId === undefined) {
      if (principal.role !== 'coordination') throw DomainError.forbidden('Empfänger der Koordinierungsstelle legt nur die Koordinierungsstelle fest; bitte eine Regionalstelle (officeId) angeben.');
    } else {
      assertOfficeAccess(principal, officeId);
      await this.offices.get(officeId);
    }
    const { row, created } = await this.repo.add({ side: officeId === undefined ? 'coordination' : 'regional', officeId: officeId ?? null, address: address.trim(), source: 'api', createdBy: principal.tokenId });
    return { recipient: toView(row), created };
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const row = UUID.test(id) ? await this.repo.get(id) : undefined;
    if (!row) throw DomainError.notFound(`Den Empfänger „${id}“ gibt es nicht.`);
    if (row.office_id === null) {
      if (principal.role !== 'coordination') throw DomainError.forbidden('Empfänger der Koordinierungsstelle ändert nur die Koordinierungsstelle.');
    } else assertOfficeAccess(principal, row.office_id);
    if (row.source === 'config') throw new DomainError('conflict', 'Dieser Empfänger steht in config/offices.json; bitte dort entfernen (er wird beim nächsten Abgleich gelöscht).');
    await this.repo.remove(id);
  }
}
