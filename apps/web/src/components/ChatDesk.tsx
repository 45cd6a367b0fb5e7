import { useState, type FormEvent } from 'react';
import type { Booth, Chat, Posting, SeekerProfile, Slot } from '@bisang/contracts';
import { api, downloadFile, resumeUrl } from '../api/client';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { ErrorNote, Loaded, useAsync } from './async';
import { useJobCategories } from './useJobCategories';

/**
 * Beside a chat in the booth console: the seeker's profile (shared while they queue or chat here), the company's
 * private note and rating, an invitation to apply to one of the booth's postings, and an interview time to offer.
 */
export function ChatDesk({ chat, booth }: { chat: Chat; booth: Booth }) {
  const { t } = useI18n();
  return (
    <aside className="card stack" aria-label={t('inbox.tools', { name: chat.seekerName })} data-testid={`desk-${chat.id}`}>
      <SeekerCard chat={chat} />
      <ReviewForm chat={chat} />
      <InviteForm chat={chat} booth={booth} />
      <SlotOfferForm chat={chat} booth={booth} />
    </aside>
  );
}

function SeekerCard({ chat }: { chat: Chat }) {
  const { t, label } = useI18n();
  const categories = useJobCategories();
  const [error, setError] = useState<unknown>(null);
  const profile = useAsync<SeekerProfile>(() => api.seekerProfile(chat.seekerId), [chat.seekerId]);
  return (
    <section className="stack" data-testid="seeker-profile">
      <h4 className="small-title">{t('inbox.profile', { name: chat.seekerName })}</h4>
      <Loaded state={profile}>
        {(p) => (
          <>
            <ul className="tags">
              {p.age !== null && <li className="tag">{t('rec.age', { age: p.age })}</li>}
              {p.region && <li className="tag">{p.region}</li>}
              {p.careerYears !== null && <li className="tag">{t('poolSearch.years', { n: p.careerYears })}</li>}
              {p.education && <li className="tag">{t(`education.${p.education}`)}</li>}
              {p.uTurn && <li className="tag">{t('poolSearch.uturnTag')}</li>}
              {p.desiredJobCategories.map((code) => (
                <li key={code} className="tag">
                  {label(categories?.jobCategories.find((c) => c.code === code), code)}
                </li>
              ))}
            </ul>
            {p.careerSummary && <p className="small">{p.careerSummary}</p>}
            {p.resume && (
              <button
                type="button"
                className="button button-small button-secondary"
                onClick={() => void downloadFile(resumeUrl(p.resume!.id), p.resume!.fileName).catch(setError)}
              >
                {t('inbox.resume')}
              </button>
            )}
          </>
        )}
      </Loaded>
      <ErrorNote error={error} />
    </section>
  );
}

function ReviewForm({ chat }: { chat: Chat }) {
  const { t } = useI18n();
  const review = useAsync(() => api.chatReview(chat.id), [chat.id]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const rating = String(data.get('rating'));
    setError(null);
    setSaved(false);
    try {
      await api.saveChatReview(chat.id, { note: String(data.get('note')).trim() || null, rating: rating ? Number(rating) : null });
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Loaded state={review}>
      {(r) => (
        <form className="stack" onSubmit={save} data-testid="desk-review">
          <label className="field">
            <span>{t('inbox.note')}</span>
            <textarea name="note" rows={3} maxLength={5000} defaultValue={r.note ?? ''} />
          </label>
          <div className="field inline-field">
            <label htmlFor={`rating-${chat.id}`}>{t('inbox.rating')}</label>
            <select id={`rating-${chat.id}`} name="rating" defaultValue={r.rating === null ? '' : String(r.rating)}>
              <option value="">{t('inbox.ratingNone')}</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {'★'.repeat(n)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-small">
            {t('inbox.saveReview')}
          </button>
          {saved && (
            <p className="note note-ok small" role="status">
              {t('inbox.saved')}
            </p>
          )}
          <ErrorNote error={error} />
        </form>
      )}
    </Loaded>
  );
}

function InviteForm({ chat, booth }: { chat: Chat; booth: Booth }) {
  const { t } = useI18n();
  const postings = useAsync<Posting[]>(async () => (await api.boothPostings(booth.id)).filter((p) => p.status === 'published'), [booth.id]);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const invite = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setError(null);
    setSent(false);
    try {
      await api.inviteFromChat(chat.id, { postingId: String(data.get('postingId')) });
      setSent(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Loaded state={postings}>
      {(open) =>
        open.length === 0 ? (
          <p className="muted small">{t('inbox.noPostings')}</p>
        ) : (
          <form className="stack" onSubmit={invite} data-testid="desk-invite">
            <div className="field">
              <label htmlFor={`postingId-${chat.id}`}>{t('inbox.invitePosting')}</label>
              <select id={`postingId-${chat.id}`} name="postingId">
                {open.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button-small">
              {t('inbox.sendInvite')}
            </button>
            {sent && (
              <p className="note note-ok small" role="status">
                {t('inbox.invited')}
              </p>
            )}
            <ErrorNote error={error} />
          </form>
        )
      }
    </Loaded>
  );
}

function SlotOfferForm({ chat, booth }: { chat: Chat; booth: Booth }) {
  const { t, lang } = useI18n();
  const slots = useAsync<Slot[]>(async () => (await api.interviewSlots(booth.id, { available: true, from: new Date().toISOString() })).items, [booth.id]);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const offer = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setError(null);
    setSent(false);
    try {
      await api.offerSlotInChat(chat.id, String(data.get('slotId')));
      setSent(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Loaded state={slots}>
      {(free) =>
        free.length === 0 ? (
          <p className="muted small">{t('inbox.noSlots')}</p>
        ) : (
          <form className="stack" onSubmit={offer} data-testid="desk-slot-offer">
            <div className="field">
              <label htmlFor={`slotId-${chat.id}`}>{t('inbox.slot')}</label>
              <select id={`slotId-${chat.id}`} name="slotId">
                {free.map((s) => (
                  <option key={s.id} value={s.id}>
                    {formatDateTime(s.startsAt, 'Asia/Seoul', lang)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button-small">
              {t('inbox.sendOffer')}
            </button>
            {sent && (
              <p className="note note-ok small" role="status">
                {t('inbox.offered')}
              </p>
            )}
            <ErrorNote error={error} />
          </form>
        )
      }
    </Loaded>
  );
}
