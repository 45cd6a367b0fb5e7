import type { Client } from 'pg';

/** CONTRACT's booking invariants, checked with SQL over the whole table. Each query lists violations. */
export async function bookingInvariantViolations(db: Client): Promise<Record<string, unknown[]>> {
  const slotTwice = await db.query(
    `SELECT slot_id, count(*) FROM coaching_bookings WHERE status IN ('confirmed', 'completed', 'no_show') GROUP BY slot_id HAVING count(*) > 1`,
  );
  const seekerOverlap = await db.query(
    `SELECT a.id, b.id FROM coaching_bookings a JOIN coaching_bookings b
        ON a.seeker_id = b.seeker_id AND a.id < b.id AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
     WHERE a.status = 'confirmed' AND b.status = 'confirmed'`,
  );
  const overLimit = await db.query(
    `SELECT b.seeker_id, b.fair_id, count(*) FROM coaching_bookings b JOIN fairs f ON f.id = b.fair_id
      WHERE b.status = 'confirmed' AND b.kind = 'coaching' AND b.starts_at > now()
      GROUP BY b.seeker_id, b.fair_id, f.max_upcoming_coaching_per_seeker HAVING count(*) > f.max_upcoming_coaching_per_seeker`,
  );
  const rejectedWithoutReason = await db.query(`SELECT id FROM coaching_bookings WHERE status = 'rejected' AND reason IS NULL`);
  return { slotTwice: slotTwice.rows, seekerOverlap: seekerOverlap.rows, overLimit: overLimit.rows, rejectedWithoutReason: rejectedWithoutReason.rows };
}
