import { useState, type FormEvent } from 'react';
import type { Fair, Introduction, PooledSeeker, Posting } from '@bisang/contracts';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ErrorNote, Loaded, useAsync } from './async';
import { TableWrap } from './TableWrap';

/**
 * The centre's counsellor introduces a seeker to a posting (소개), with a counselling note kept for organizers
 * only; the seeker is notified and agrees or passes. The fair's introductions and how each ended.
 */
export function IntroductionForm({ fair, seeker }: { fair: Fair; seeker?: PooledSeeker | null }) {
  const { t } = useI18n();
  const postings = useAsync<Posting[]>(async () => (await api.postings(fair.id, { limit: 100 })).items, [fair.id]);
  const list = useAsync<Introduction[]>(async () => (await api.fairIntroductions(fair.id)).items, [fair.id]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const seekerId = String(data.get('seekerId')).trim();
    const note = String(data.get('note')).trim();
    setError(null);
    setDone(null);
    try {
      if (note) await api.addCounsellingNote(seekerId, note);
      const made = await api.introduce(fair.id, { seekerId, postingId: String(data.get('postingId')), message: String(data.get('message')).trim() || undefined });
      list.setData((prev) => [made, ...(prev ?? [])]);
      setDone(t('intro.sent'));
      form.reset();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card stack" aria-labelledby="intro-title" data-testid="introductions">
      <h2 id="intro-title">{t('intro.title')}</h2>
      <p className="muted">{t('intro.hint')}</p>
      <Loaded state={postings}>
        {(open) => (
          <form className="form-grid" onSubmit={(e) => void submit(e)}>
            <div className="field">
              <label htmlFor="intro-seeker">{t('intro.seekerId')}</label>
              {/* A seeker picked in the pool search fills this in (keyed, so a new pick replaces what was typed). */}
              <input
                key={seeker?.seekerId ?? ''}
                id="intro-seeker"
                name="seekerId"
                required
                pattern="[0-9a-fA-F-]{36}"
                defaultValue={seeker?.seekerId ?? ''}
                aria-describedby="intro-seeker-hint"
              />
              <p id="intro-seeker-hint" className="hint">
                {seeker ? (seeker.name ?? t('poolSearch.hiddenName')) : t('intro.seekerHint')}
              </p>
            </div>
            <div className="field">
              <label htmlFor="intro-posting">{t('intro.posting')}</label>
              <select id="intro-posting" name="postingId" required>
                {open.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.companyName} · {p.title}
                  </option>
                ))}
              </select>
            </div>
            <div className="field field-wide">
              <label htmlFor="intro-message">{t('intro.message')}</label>
              <input id="intro-message" name="message" maxLength={1000} />
            </div>
            <div className="field field-wide">
              <label htmlFor="intro-note">{t('intro.note')}</label>
              <textarea id="intro-note" name="note" rows={3} maxLength={5000} />
            </div>
            <button type="submit" className="button">
              {t('intro.submit')}
            </button>
          </form>
        )}
      </Loaded>
      <div aria-live="polite">
        {done && <p className="note note-ok">{done}</p>}
        <ErrorNote error={error} />
      </div>
      <Loaded state={list}>
        {(items) =>
          items.length === 0 ? null : (
            <TableWrap label={t('intro.title')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('intro.posting')}</th>
                    <th scope="col">{t('intro.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={i.id}>
                      <td>
                        {i.companyName} · {i.postingTitle}
                      </td>
                      <td>{t(`intro.status.${i.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Loaded>
    </section>
  );
}
