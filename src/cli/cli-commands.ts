import type { Type } from '@nestjs/common';
import { MIGRATION_REPORT, type MigrationReport } from '../database/database.module';
import { parseArgs } from 'node:util';
import { TokenService } from '../auth/token.service';
import { DomainError } from '../common/domain-error';
import { auditCommand } from './audit.command';
import { CliResult, fail, ok } from './cli-output';

export const USAGE = `Aufruf: npm run --silent cli -- <Befehl>

Befehle:
  migrate                                        Datenbankschema aktualisieren
  token create --role coordination [--label T]   Token der Koordinierungsstelle anlegen
  token create --role regional --office ID [--office ID …] [--label T]
                                                 Token für Regionalstelle(n) anlegen
  token list                                     Tokens auflisten (ohne Geheimnis)
  token revoke ID                                Token widerrufen
  audit --from JJJJ-MM-TT --to JJJJ-MM-TT [--office ID …] [--format table|json|csv]
                                                 Prüflauf ausführen und ausgeben; Exit-Code 1,
                                                 wenn eine Muss-Regel nicht erfüllt ist
  audit --night JJJJ-MM-TT [--format table|json|csv]
                                                 nächtliche Prüfung einer nicht geprüften Nacht
                                                 nachholen (siehe GET /api/v1/audits/gaps)
`;

/** Enough of a Nest context to fetch services: an application context, or a ModuleRef with strict: false. */
export interface ServiceLocator {
  get<T>(type: Type<T> | symbol): T;
}

/**
 * Runs one CLI command against a Nest application context. Called by the CLI process itself, or
 * inside the running service when the CLI hands the command over (embedded database in use).
 */
export async function runCliCommand(app: ServiceLocator, argv: string[]): Promise<CliResult> {
  const [group, action, ...rest] = argv;
  try {
    if (group === 'migrate') {
      const { applied } = app.get<MigrationReport>(MIGRATION_REPORT);
      return ok(applied.length ? `Migrationen angewandt:\n${applied.map((m) => `  ${m}`).join('\n')}\nDatenbankschema ist aktuell.\n` : 'Datenbankschema ist aktuell; keine Migration ausstehend.\n');
    }
    if (group === 'token') return await tokenCommand(app, action, rest);
    if (group === 'audit') return await auditCommand(app, argv.slice(1));
    if (group === undefined || group === 'help' || group === '--help') return ok(USAGE);
    return fail(`Unbekannter Befehl „${group}“.\n\n${USAGE}`);
  } catch (err) {
    if (err instanceof DomainError) {
      const lines = err.details.length ? err.details.map((d) => `  ${d.message}`).join('\n') : `  ${err.message}`;
      return fail(`Fehler:\n${lines}\n`);
    }
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) return fail(`${(err as Error).message}\n\n${USAGE}`);
    throw err;
  }
}

async function tokenCommand(app: ServiceLocator, action: string | undefined, args: string[]): Promise<CliResult> {
  const tokens = app.get(TokenService);
  switch (action) {
    case 'create': {
      const { values } = parseArgs({
        args,
        options: { role: { type: 'string' }, office: { type: 'string', multiple: true }, label: { type: 'string' } },
        strict: true,
      });
      if (values.role !== 'coordination' && values.role !== 'regional') {
        return fail('Fehler: --role muss „coordination“ oder „regional“ sein.\n');
      }
      const offices = (values.office ?? []).flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean);
      const created = await tokens.create(values.role, offices, values.label);
      // The token alone on stdout so that scripts can capture it: TOKEN=$(npm run --silent cli -- token create …)
      return { exitCode: 0, stdout: `${created.token}\n`, stderr: `Token ${created.id} angelegt. Es wird nur jetzt angezeigt.\n` };
    }
    case 'list': {
      const rows = await tokens.list();
      const lines = rows.map((t) => [t.id, t.role, t.officeIds.join(',') || '–', t.label ?? '–', t.createdAt, t.revokedAt ? `widerrufen ${t.revokedAt}` : 'aktiv'].join('\t'));
      return ok(['ID\tRolle\tRegionalstellen\tBezeichnung\tAngelegt\tStatus', ...lines].join('\n') + '\n');
    }
    case 'revoke': {
      const id = args[0];
      if (!id) return fail('Fehler: Bitte die ID des Tokens angeben (siehe „token list“).\n');
      return (await tokens.revoke(id)) ? ok(`Token ${id} widerrufen.\n`) : fail(`Fehler: Kein aktives Token mit der ID ${id}.\n`, 1);
    }
    default:
      return fail(`Unbekannte Aktion „token ${action ?? ''}“.\n\n${USAGE}`);
  }
}
