interface PgError {
  code?: string;
  constraint?: string;
  driverError?: PgError;
}

function pgError(err: unknown): PgError | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as PgError;
  return e.driverError ?? e;
}

/** True when `err` is PostgreSQL's unique violation (23505), optionally of one named constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = pgError(err);
  return e?.code === '23505' && (!constraint || e.constraint === constraint);
}

/** True when `err` is an exclusion-constraint violation (23P01), optionally of one named constraint. */
export function isExclusionViolation(err: unknown, constraint?: string): boolean {
  const e = pgError(err);
  return e?.code === '23P01' && (!constraint || e.constraint === constraint);
}

/** True when `err` is a check-constraint violation (23514), optionally of one named constraint. */
export function isCheckViolation(err: unknown, constraint?: string): boolean {
  const e = pgError(err);
  return e?.code === '23514' && (!constraint || e.constraint === constraint);
}

/** True for serialization failures and deadlocks, which are safe to retry. */
export function isRetryableTransactionError(err: unknown): boolean {
  const code = pgError(err)?.code;
  return code === '40001' || code === '40P01';
}
