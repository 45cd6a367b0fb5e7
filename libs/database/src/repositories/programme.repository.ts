import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendFairEvent } from './fair-events.repository';
import type { ProgrammeKind } from '@bisang/contracts';
import { rowsOf } from './sql-rows';

export interface ProgrammeItemRow {
  id: string;
  fairId: string;
  kind: ProgrammeKind;
  title: string;
  description: string | null;
  boothId: string | null;
  companyId: string | null;
  companyName: string | null;
  startsAt: Date;
  endsAt: Date;
}

export interface ProgrammeItemFields {
  kind: ProgrammeKind;
  title: string;
  description: string | null;
  boothId: string | null;
  startsAt: Date;
  endsAt: Date;
}

const SELECT = `SELECT i.id, i.fair_id AS "fairId", i.kind, i.title, i.description, i.booth_id AS "boothId",
         b.company_id AS "companyId", c.name AS "companyName", i.starts_at AS "startsAt", i.ends_at AS "endsAt"
    FROM programme_items i
    LEFT JOIN booths b ON b.id = i.booth_id
    LEFT JOIN companies c ON c.id = b.company_id`;

/** A fair's programme: company briefings (기업설명회) and other items, in time order. */
@Injectable()
export class ProgrammeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Each change goes on the fair's feed (`programme.changed`) in its transaction, so open pages re-read the programme. */
  async create(fairId: string, fields: ProgrammeItemFields, createdBy: string): Promise<ProgrammeItemRow> {
    const id = await this.dataSource.transaction(async (m) => {
      const [row] = rowsOf<{ id: string }>(
        await m.query(
          `INSERT INTO programme_items (fair_id, kind, title, description, booth_id, starts_at, ends_at, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [fairId, fields.kind, fields.title, fields.description, fields.boothId, fields.startsAt, fields.endsAt, createdBy],
        ),
      );
      await appendFairEvent(m, fairId, 'programme.changed', { itemId: row.id, change: 'added' });
      return row.id;
    });
    return (await this.findById(id))!;
  }

  async findById(id: string): Promise<ProgrammeItemRow | null> {
    const [row] = rowsOf<ProgrammeItemRow>(await this.dataSource.query(`${SELECT} WHERE i.id = $1`, [id]));
    return row ?? null;
  }

  /** Replaces the item's fields (the service merged the patch); null when it is gone. */
  async update(id: string, fields: ProgrammeItemFields, now: Date): Promise<ProgrammeItemRow | null> {
    const updated = await this.dataSource.transaction(async (m) => {
      const [row] = rowsOf<{ fairId: string }>(
        await m.query(
          `UPDATE programme_items SET kind = $2, title = $3, description = $4, booth_id = $5, starts_at = $6, ends_at = $7, updated_at = $8::timestamptz
            WHERE id = $1 RETURNING fair_id AS "fairId"`,
          [id, fields.kind, fields.title, fields.description, fields.boothId, fields.startsAt, fields.endsAt, now],
        ),
      );
      if (row) await appendFairEvent(m, row.fairId, 'programme.changed', { itemId: id, change: 'updated' });
      return !!row;
    });
    return updated ? this.findById(id) : null;
  }

  async delete(id: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [row] = rowsOf<{ fairId: string }>(await m.query(`DELETE FROM programme_items WHERE id = $1 RETURNING fair_id AS "fairId"`, [id]));
      if (row) await appendFairEvent(m, row.fairId, 'programme.changed', { itemId: id, change: 'removed' });
      return !!row;
    });
  }

  /** The fair's items that end after `from` (all when null), in time order; keyset after (startsAt, id). */
  async listForFair(fairId: string, from: Date | null, limit: number, after?: { startsAt: string; id: string }): Promise<ProgrammeItemRow[]> {
    return rowsOf<ProgrammeItemRow>(
      await this.dataSource.query(
        `${SELECT}
          WHERE i.fair_id = $1 AND ($2::timestamptz IS NULL OR i.ends_at > $2)
            AND ($3::timestamptz IS NULL OR (i.starts_at, i.id) > ($3::timestamptz, $4::uuid))
          ORDER BY i.starts_at, i.id
          LIMIT $5`,
        [fairId, from, after?.startsAt ?? null, after?.id ?? null, limit + 1],
      ),
    );
  }
}
