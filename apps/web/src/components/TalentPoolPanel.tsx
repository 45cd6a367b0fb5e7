import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { Fair, Introduction, MyPoolInvitation, TalentPoolEntry } from '@bisang/contracts';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ErrorNote, Loaded, useAsync } from './async';
import { FairPicker } from './FairPicker';

/**
 * The seeker's talent pool (인재풀 공개) per fair, with or without their name, and what came of it: companies'
 * invitations and the centre's introductions, each to accept or ignore.
 */
export function TalentPoolPanel() {
  const { t } = useI18n();
  const [fair, setFair] = useState<Fair | null>(null);
  const pick = useCallback((f: Fair | null) => setFair(f), []);
  return (
    <section className="card stack" id="talent-pool" aria-labelledby="pool-title" data-testid="talent-pool">
      <h2 id="pool-title">{t('pool.title')}</h2>
      <p className="muted">{t('pool.hint')}</p>
      <FairPicker value={fair} onChange={pick} />
      {fair && <PoolChoice key={fair.id} fairId={fair.id} />}
      <Offers />
    </section>
  );
}

function PoolChoice({ fairId }: { fairId: string }) {
  const { t } = useI18n();
  const state = useAsync<TalentPoolEntry>(() => api.myPoolEntry(fairId), [fairId]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const save = async (visible: boolean, showName: boolean) => {
    setError(null);
    setSaved(null);
    // The box shows the choice at once; the server's answer confirms it (or the error puts it back).
    state.setData((prev) => prev && { ...prev, visible, showName });
    try {
      const entry = await api.setPoolEntry({ fairId, visible, showName });
      state.setData(() => entry);
      setSaved(entry.visible ? t('pool.opened') : t('pool.hidden'));
    } catch (err) {
      setError(err);
      state.reload();
    }
  };
  return (
    <Loaded state={state}>
      {(entry) => (
        <div className="stack">
          <label className="radio">
            <input type="checkbox" checked={entry.visible} onChange={(e) => void save(e.target.checked, entry.showName)} data-testid="pool-visible" />{' '}
            {t('pool.visible')}
          </label>
          <label className="radio">
            <input type="checkbox" checked={entry.showName} onChange={(e) => void save(entry.visible, e.target.checked)} data-testid="pool-show-name" />{' '}
            {t('pool.showName')}
          </label>
          <div aria-live="polite">
            {saved && <p className="note note-ok">{saved}</p>}
            <ErrorNote error={error} />
          </div>
        </div>
      )}
    </Loaded>
  );
}

type Offer = { kind: 'invitation'; item: MyPoolInvitation } | { kind: 'introduction'; item: Introduction };

function Offers() {
  const { t } = useI18n();
  const state = useAsync<Offer[]>(async () => {
    const [invitations, introductions] = await Promise.all([api.myPoolInvitations(), api.myIntroductions()]);
    return [
      ...introductions.items.map((item) => ({ kind: 'introduction' as const, item })),
      ...invitations.items.map((item) => ({ kind: 'invitation' as const, item })),
    ];
  }, []);
  // A refused answer (e.g. RECRUITER_BUSY) is shown in the card of the offer that was answered, where the user looks.
  const [error, setError] = useState<{ offerId: string; error: unknown } | null>(null);
  const answer = async (offer: Offer, how: 'accept' | 'decline') => {
    setError(null);
    try {
      const next =
        offer.kind === 'invitation'
          ? ({ kind: 'invitation', item: await api.answerPoolInvitation(offer.item.id, how) } as const)
          : ({ kind: 'introduction', item: await api.answerIntroduction(offer.item.id, how) } as const);
      state.setData((prev) => prev?.map((o) => (o.item.id === offer.item.id ? next : o)));
    } catch (err) {
      setError({ offerId: offer.item.id, error: err });
    }
  };
  return (
    <div className="stack">
      <h3>{t('pool.offers')}</h3>
      <Loaded state={state}>
        {(offers) =>
          offers.length === 0 ? (
            <p className="muted">{t('pool.noOffers')}</p>
          ) : (
            <ul className="plain stack" data-testid="offers">
              {offers.map((o) => {
                // An invitation to chat has no posting: it opens a chat at the company's booth.
                const chat = o.kind === 'invitation' && o.item.kind === 'chat' ? o.item : null;
                return (
                  <li key={o.item.id} className="card" data-testid="offer">
                    <p className="eyebrow">{chat ? t('pool.fromCompanyChat') : o.kind === 'invitation' ? t('pool.fromCompany') : t('pool.fromCentre')}</p>
                    <p>
                      <strong>{o.item.companyName}</strong> ·{' '}
                      {o.item.postingId ? <Link to={`/postings/${o.item.postingId}`}>{o.item.postingTitle}</Link> : t('pool.chatOffer')}
                    </p>
                    {o.item.message && <p className="muted">{o.item.message}</p>}
                    {error?.offerId === o.item.id && <ErrorNote error={error.error} />}
                    {o.item.status === 'pending' ? (
                      <div className="actions">
                        <button type="button" className="button" onClick={() => void answer(o, 'accept')}>
                          {chat ? t('pool.acceptChat') : t('pool.accept')}
                        </button>
                        <button type="button" className="button button-secondary" onClick={() => void answer(o, 'decline')}>
                          {t('pool.decline')}
                        </button>
                      </div>
                    ) : chat && chat.status === 'accepted' ? (
                      <p className="muted" role="status">
                        {t('pool.acceptedChat')}{' '}
                        <Link to={`/booths/${chat.boothId}`} className="button button-small">
                          {t('pool.openChat')}
                        </Link>
                      </p>
                    ) : (
                      <p className="muted" role="status">
                        {o.item.status === 'accepted' ? t('pool.accepted') : t('pool.declined')}
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
          )
        }
      </Loaded>
    </div>
  );
}
