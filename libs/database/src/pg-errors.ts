interface PgError {
  code?: string;
  severity?: string;
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

/**
 * True when `err` says the connection itself is finished: PostgreSQL's FATAL or PANIC answer (a terminated
 * backend 57P01, a crash or a shutdown 57P02/57P03, a connection exception of class 08). Such a connection
 * must never be used again; the statement it answered did not commit.
 */
export function isConnectionGone(err: unknown): boolean {
  const e = pgError(err);
  if (!e) return false;
  return e.severity === 'FATAL' || e.severity === 'PANIC' || /^57P0[123]$/.test(e.code ?? '') || /^08/.test(e.code ?? '');
}
