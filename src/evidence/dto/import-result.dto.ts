import { ApiProperty } from '@nestjs/swagger';
import { EVIDENCE_KINDS, type EvidenceKindName } from '../evidence-kind';
import type { ImportFormat } from '../import-rows.reader';

/**
 * inserted + updated + unchanged = rows: a row repeating an earlier row of the same file, or a
 * record stored before with the same values, is unchanged.
 */
export class ImportResultDto {
  @ApiProperty({ format: 'uuid' }) importId: string;
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind: EvidenceKindName;
  @ApiProperty({ enum: ['json', 'csv'] }) format: ImportFormat;
  @ApiProperty({ description: 'Zeilen der Datei bzw. Einträge der Liste' }) rows: number;
  @ApiProperty({ description: 'neu gespeichert' }) inserted: number;
  @ApiProperty({ description: 'vorhanden, Wert korrigiert (Grund bzw. Minuten)' }) updated: number;
  @ApiProperty({ description: 'schon so gespeichert oder in der Datei wiederholt' }) unchanged: number;
}
