import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Fair } from '@bisang/contracts';
import { ErrorNote, Loaded, useAsync, useFieldErrors } from '../components/async';
import { TableWrap } from '../components/TableWrap';
import { fairsLiveFirst, formatDate, zonedToUtc } from '../format';
import { useI18n } from '../i18n/i18n';
import { QUEUE_DASHBOARD_ENTRY } from './QueueDashboard';

export function OrganizerFairs() {
  const { t, lang } = useI18n();
  const state = useAsync(() => api.fairs(), []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [createError, setCreateError] = useState<unknown>(null);
  // Fairs made here, shown first: the list is live-first, so a new draft may be past its first page.
  const [created, setCreated] = useState<Fair[]>([]);
  const fe = useFieldErrors(createError, ['title', 'slug', 'timezone', 'startsAt', 'endsAt', 'hiringTarget'], 'fair-err');

  const create = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const timezone = String(data.get('timezone') || 'Asia/Seoul');
    setBusy(true);
    setCreateError(null);
    try {
      const fair = await api.createFair({
        title: String(data.get('title')).trim(),
        slug: String(data.get('slug')).trim(),
        timezone,
        startsAt: zonedToUtc(`${String(data.get('startsOn'))}T00:00`, timezone).toISOString(),
        endsAt: zonedToUtc(`${String(data.get('endsOn'))}T23:59`, timezone).toISOString(),
        hiringTarget: Number(data.get('hiringTarget')),
      });
      setCreated((list) => [fair, ...list]);
      form.reset();
      state.reload();
    } catch (err) {
      setCreateError(err);
    } finally {
      setBusy(false);
    }
  };
  const publish = async (f: Fair) => {
    // Publishing opens the fair to everyone and cannot be taken back.
    if (!window.confirm(t('org.publishConfirm', { title: f.title }))) return;
    setError(null);
    try {
      const published = await api.publishFair(f.id);
      setCreated((list) => list.map((c) => (c.id === published.id ? published : c)));
      state.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="stack">
      <h1>{t('org.title')}</h1>
      <p>
        <Link to={QUEUE_DASHBOARD_ENTRY}>{t('org.queues')}</Link>
      </p>
      <ErrorNote error={error} />
      <section aria-labelledby="org-fairs">
        <h2 id="org-fairs">{t('home.fairs')}</h2>
        <Loaded state={state}>
          {(page) => (
            <TableWrap label={t('home.fairs')}>
              <table>
                <caption className="visually-hidden">{t('home.fairs')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('org.fairTitle')}</th>
                    <th scope="col">{t('org.period')}</th>
                    <th scope="col">{t('org.status')}</th>
                    <th scope="col">{t('org.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {withCreated(created, fairsLiveFirst(page.items)).map((f) => (
                    <tr key={f.id} data-testid="org-fair">
                      <th scope="row">
                        <Link to={`/organizer/fairs/${f.id}`}>{f.title}</Link>
                      </th>
                      <td>
                        {formatDate(f.startsAt, f.timezone, lang)} – {formatDate(f.endsAt, f.timezone, lang)}
                      </td>
                      <td>
                        <span className={`status status-${f.status}`}>{t(`fairStatus.${f.status}`)}</span>
                      </td>
                      <td>
                        {f.status === 'draft' ? (
                          <button type="button" className="button button-small" onClick={() => void publish(f)}>
                            {t('org.publish')}
                          </button>
                        ) : (
                          <Link to={`/organizer/fairs/${f.id}`}>{t('org.manage')}</Link>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </Loaded>
      </section>
      <section aria-labelledby="org-create" className="card">
        <h2 id="org-create">{t('org.create')}</h2>
        <form onSubmit={(e) => void create(e)} className="form-grid">
          <div className="field">
            <label htmlFor="f-title">{t('org.fairTitle')}</label>
            <input id="f-title" name="title" required maxLength={200} {...fe.input('title')} />
            {fe.message('title')}
          </div>
          <div className="field">
            <label htmlFor="f-slug">{t('org.slug')}</label>
            <input id="f-slug" name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" {...fe.input('slug', 'slug-hint')} />
            {fe.message('slug')}
            <p id="slug-hint" className="hint">
              {t('org.slugHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor="f-tz">{t('org.timezone')}</label>
            <input id="f-tz" name="timezone" defaultValue="Asia/Seoul" required {...fe.input('timezone')} />
            {fe.message('timezone')}
          </div>
          <div className="field">
            <label htmlFor="f-start">{t('org.startsOn')}</label>
            <input id="f-start" name="startsOn" type="date" required {...fe.input('startsAt')} />
            {fe.message('startsAt')}
          </div>
          <div className="field">
            <label htmlFor="f-end">{t('org.endsOn')}</label>
            <input id="f-end" name="endsOn" type="date" required {...fe.input('endsAt')} />
            {fe.message('endsAt')}
          </div>
          <div className="field">
            <label htmlFor="f-target">{t('org.target')}</label>
            <input id="f-target" name="hiringTarget" type="number" min={1} defaultValue={150} required {...fe.input('hiringTarget')} />
            {fe.message('hiringTarget')}
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t('org.createSubmit')}
          </button>
          <div className="field-wide">
            <ErrorNote error={fe.rest} />
          </div>
        </form>
      </section>
    </div>
  );
}

/** The fairs just made (newest first, as the page now knows them), then the loaded list without them. */
function withCreated(created: Fair[], loaded: Fair[]): Fair[] {
  const fresh = created.map((c) => loaded.find((f) => f.id === c.id) ?? c);
  return [...fresh, ...loaded.filter((f) => !created.some((c) => c.id === f.id))];
}
