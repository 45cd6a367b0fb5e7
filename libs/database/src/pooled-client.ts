import { Client } from 'pg';
import { isConnectionGone } from './pg-errors';

/**
 * The pg client of every Bisang pool. When PostgreSQL answers a query with a FATAL error (a terminated backend:
 * `pg_terminate_backend`, a server shutdown, a failover), the connection is finished, but pg only learns it when
 * the socket's end is read, a moment later. TypeORM hands the client back to the pool in between (it releases
 * without the error), and pg-pool would give that dead connection at once to the next request waiting for one,
 * whose query then fails too. This client ends itself on such an error, so that the pool drops it on release and
 * the waiting request gets a fresh connection: a connection storm fails only the queries that were running on
 * the terminated backends.
 */
export class PooledClient extends Client {
  // pg's query has many overloads (callback, submittable, promise); only the promise form is watched, the one
  // TypeORM uses; the others go through unchanged.
  override query(...args: unknown[]): any {
    const result = (super.query as (...a: unknown[]) => unknown).apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function' && typeof args[args.length - 1] !== 'function') {
      return (result as Promise<unknown>).catch((err: unknown) => {
        if (isConnectionGone(err)) this.end().catch(() => undefined);
        throw err;
      });
    }
    return result;
  }
}
