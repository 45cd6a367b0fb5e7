import { EventEmitter } from 'node:events';
import { EntityManager, EntitySubscriberInterface, EventSubscriber, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

/**
 * In-process news that domain events were committed, with their types: what the relay's wake-up hint is made of
 * (see OutboxHints in libs/core). Only a hint: the relay polls too, so a lost one delays, never loses.
 */
export const outboxCommits = new EventEmitter();
outboxCommits.setMaxListeners(0);
export const OUTBOX_COMMITTED = 'committed';

type RunnerData = { outboxTypes?: Set<string> };

/**
 * Notes that events of these types were appended through `manager`: inside a transaction they are announced
 * when it commits (and forgotten when it rolls back); outside one, the statement has already committed.
 */
export function noteAppended(manager: EntityManager, types: readonly string[]): void {
  const runner = manager.queryRunner;
  if (runner?.isTransactionActive) {
    const data = runner.data as RunnerData;
    data.outboxTypes ??= new Set();
    for (const t of types) data.outboxTypes.add(t);
  } else {
    outboxCommits.emit(OUTBOX_COMMITTED, [...new Set(types)]);
  }
}

/** Announces a transaction's domain events once it committed. */
@EventSubscriber()
export class OutboxCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as RunnerData;
    if (data.outboxTypes?.size) outboxCommits.emit(OUTBOX_COMMITTED, [...data.outboxTypes]);
    data.outboxTypes = undefined;
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    (event.queryRunner.data as RunnerData).outboxTypes = undefined;
  }
}
