import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { OfficeRole } from '../engine/types';

/** A location of JobAgentur EN (Regionalstelle); tandems per section 2 of Anlage 3. */
@Entity({ name: 'office' })
export class Office {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: OfficeRole;

  @Column({ name: 'seat_id', type: 'text', nullable: true })
  seatId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
