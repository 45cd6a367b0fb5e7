import { EventEmitter } from 'node:events';
import type { ChatMessage } from '@bisang/contracts';
import { EntityManager, EntitySubscriberInterface, EventSubscriber, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

/**
 * In-process news that domain events were committed, with their types: what the relay's wake-up hint is made of
 * (see OutboxHints in libs/core). Only a hint: the relay polls too, so a lost one delays, never loses.
 */
export const outboxCommits = new EventEmitter();
outboxCommits.setMaxListeners(0);
export const OUTBOX_COMMITTED = 'committed';
/**
 * Chat messages a transaction stored, announced once it committed: the gateways hand such a message to the chat's
 * sockets without reading it back, when nothing is missing before it (the message is the hint's payload).
 */
export const CHAT_MESSAGES_COMMITTED = 'chat-messages';

type RunnerData = { outboxTypes?: Set<string>; chatMessages?: ChatMessage[] };

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

/** Notes a chat message stored through `manager`, announced with its payload when the transaction commits. */
export function noteChatMessage(manager: EntityManager, message: ChatMessage): void {
  const runner = manager.queryRunner;
  if (runner?.isTransactionActive) {
    const data = runner.data as RunnerData;
    (data.chatMessages ??= []).push(message);
  } else {
    outboxCommits.emit(CHAT_MESSAGES_COMMITTED, [message]);
  }
}

/** Announces a transaction's domain events (and chat messages) once it committed. */
@EventSubscriber()
export class OutboxCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as RunnerData;
    if (data.outboxTypes?.size) outboxCommits.emit(OUTBOX_COMMITTED, [...data.outboxTypes]);
    if (data.chatMessages?.length) outboxCommits.emit(CHAT_MESSAGES_COMMITTED, data.chatMessages);
    data.outboxTypes = undefined;
    data.chatMessages = undefined;
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const data = event.queryRunner.data as RunnerData;
    data.outboxTypes = undefined;
    data.chatMessages = undefined;
  }
}
