import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The transactional outbox of a fair's feed: written in the same transaction as the change it describes. */
@Entity({ name: 'fair_events' })
export class FairEventEntity {
  @PrimaryColumn({ name: 'fair_id', type: 'uuid' }) fairId: string;
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) id: number;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'jsonb' }) data: Record<string, unknown>;
  @Column({ type: 'timestamptz' }) at: Date;
}
