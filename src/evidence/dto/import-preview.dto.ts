import { ApiProperty } from '@nestjs/swagger';
import { EVIDENCE_KINDS, type EvidenceKindName } from '../evidence-kind';
import type { ImportFormat } from '../import-rows.reader';

export class PreviewColumnDto {
  @ApiProperty({ example: 'date' }) field: string;
  @ApiProperty({ example: 'Datum' }) label: string;
  @ApiProperty({ required: false, example: { staff: 'Personal' }, description: 'deutsche Wörter der Codes dieser Spalte' }) values?: Record<string, string>;
}

/**
 * What an import would do, with nothing written: the same validation (a bad file is the same 400
 * with every error by line and field), the counts the import would report, and the records as they
 * would be stored. Time records are shown only as sums per month (privacy: never per person).
 */
export class ImportPreviewDto {
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind: EvidenceKindName;
  @ApiProperty({ enum: ['json', 'csv'] }) format: ImportFormat;
  @ApiProperty({ description: 'Zeilen der Datei bzw. Einträge der Liste' }) rows: number;
  @ApiProperty({ description: 'würden neu gespeichert' }) inserted: number;
  @ApiProperty({ description: 'vorhanden, Wert würde korrigiert' }) updated: number;
  @ApiProperty({ description: 'schon so gespeichert oder in der Datei wiederholt' }) unchanged: number;
  @ApiProperty({ type: [PreviewColumnDto] }) columns: PreviewColumnDto[];
  @ApiProperty({ description: 'die ersten Datensätze, wie sie gespeichert würden (Zeiterfassung: Summen je Monat)', type: 'array', items: { type: 'object' } })
  records: Array<Record<string, string | number | null>>;
  @ApiProperty({ description: 'Anzahl aller Datensätze bzw. Summenzeilen; records enthält höchstens 200' }) total: number;
}
