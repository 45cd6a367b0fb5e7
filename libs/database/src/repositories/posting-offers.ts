import { DataSource, EntityManager } from 'typeorm';
import type { NewDomainEvent, PoolInvitationStatus } from '@bisang/contracts';
import { ApplicationsRepository, ApplyOutcome } from './applications.repository';
import { appendDomainEvents } from './domain-events.repository';
import { rowsOf } from './sql-rows';

/** What the shared path reads of an offer, whichever its kind. */
export interface PostingOfferRow {
  id: string;
  seekerId: string;
  postingId: string | null;
  status: PoolInvitationStatus;
}

/** Why a seeker's answer to an offer was not taken. */
export type OfferAnswerFailure = 'not_found' | 'already_answered' | Exclude<ApplyOutcome['outcome'], 'applied'>;

export type OfferAnswer<V> = { outcome: 'answered'; offer: V } | { outcome: OfferAnswerFailure };

/** What differs between the kinds of posting offer (a company's invitation from the pool, the centre's introduction). */
export interface PostingOfferKind<V extends PostingOfferRow> {
  /** Its table, with `seeker_id`, `status`, `application_id` and `answered_at` columns. */
  table: 'pool_invitations' | 'introductions';
  find(id: string, m?: EntityManager): Promise<V | null>;
  /** The domain event committed with the application when the seeker accepts. */
  acceptedEvent(offer: V, applicationId: string): NewDomainEvent;
  /** What the application records of where it came from (an introduction's id). */
  origin?(offer: V): { introductionId?: string };
}

/** Rolls an acceptance back when the offer was answered meanwhile. */
class AlreadyAnswered extends Error {}

/**
 * A seeker answers a posting put to them (an invitation to apply, an introduction): one path for every kind.
 * - accept: the application is made through the applications path (same checks, same `application.submitted`), and
 *   in its transaction the offer is marked accepted with its application and the kind's event is committed; an offer
 *   answered meanwhile rolls the application back.
 * - decline: marked declined, nothing else (the company is not told).
 * Someone else's offer is `not_found`, as one that does not exist.
 */
export async function answerPostingOffer<V extends PostingOfferRow>(
  dataSource: DataSource,
  applications: ApplicationsRepository,
  kind: PostingOfferKind<V>,
  answer: 'accept' | 'decline',
  offerId: string,
  seekerId: string,
  now: Date,
): Promise<OfferAnswer<V>> {
  if (answer === 'decline') {
    const [row] = rowsOf<{ id: string }>(
      await dataSource.query(
        `UPDATE ${kind.table} SET status = 'declined', answered_at = $3 WHERE id = $1 AND seeker_id = $2 AND status = 'pending' RETURNING id`,
        [offerId, seekerId, now],
      ),
    );
    if (row) return { outcome: 'answered', offer: (await kind.find(offerId))! };
    const offer = await kind.find(offerId);
    return { outcome: offer && offer.seekerId === seekerId ? 'already_answered' : 'not_found' };
  }
  const offer = await kind.find(offerId);
  if (!offer || offer.seekerId !== seekerId || !offer.postingId) return { outcome: 'not_found' };
  if (offer.status !== 'pending') return { outcome: 'already_answered' };
  try {
    const applied = await applications.apply(offer.postingId, seekerId, null, now, {
      ...kind.origin?.(offer),
      inTransaction: async (m, applicationId) => {
        const [row] = rowsOf<{ id: string }>(
          await m.query(
            `UPDATE ${kind.table} SET status = 'accepted', application_id = $2, answered_at = $3 WHERE id = $1 AND status = 'pending' RETURNING id`,
            [offerId, applicationId, now],
          ),
        );
        if (!row) throw new AlreadyAnswered();
        await appendDomainEvents(m, [kind.acceptedEvent(offer, applicationId)]);
      },
    });
    if (applied.outcome !== 'applied') return { outcome: applied.outcome };
  } catch (err) {
    if (err instanceof AlreadyAnswered) return { outcome: 'already_answered' };
    throw err;
  }
  return { outcome: 'answered', offer: (await kind.find(offerId))! };
}
