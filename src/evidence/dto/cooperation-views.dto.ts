import { ApiProperty } from '@nestjs/swagger';
import { TEAMS, type ContactRole, type Team } from '../../engine/types';
import { CONTACT_ROLE_VALUES } from './employer-assignment-row.dto';

export class TeamMembershipView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TEAMS }) team: Team;
  @ApiProperty({ example: 'MT-AV-01', description: 'Pseudonym' }) delegateRef: string;
  @ApiProperty({ example: '2026-01-01' }) from: string;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'null: offen' }) until: string | null;
}

export class PracticeMeetingView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-03-10' }) date: string;
  @ApiProperty({ enum: TEAMS }) audience: Team;
  @ApiProperty({ type: [String], example: ['witten', 'hattingen'] }) invited: string[];
  @ApiProperty({ type: [String], example: ['witten'] }) attended: string[];
}

export class EmployerAssignmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'U-0042' }) employerRef: string;
  @ApiProperty({ example: 'VM-07', description: 'Pseudonym' }) contactRef: string;
  @ApiProperty({ enum: CONTACT_ROLE_VALUES }) contactRole: ContactRole;
  @ApiProperty({ example: '2026-01-01' }) from: string;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'null: offen' }) until: string | null;
}
