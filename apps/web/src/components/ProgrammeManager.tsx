import { useState, type FormEvent } from 'react';
import { PROGRAMME_KINDS, type Fair, type ProgrammeItem, type ProgrammeKind } from '@bisang/contracts';
import { api } from '../api/client';
import { formatDateTime, utcToZonedInput, zonedToUtc } from '../format';
import { useI18n } from '../i18n/i18n';
import { ErrorNote, Loaded, OkNote, useAsync, useFieldErrors } from './async';

const FIELDS = ['kind', 'title', 'description', 'boothId', 'startsAt', 'endsAt'] as const;

/**
 * The organizer keeps the fair's programme: 기업설명회 (of an approved booth) and other items, times in the fair's zone.
 * An item is changed in the same form: "수정" fills it with the item, and saving sends only a PATCH.
 */
export function ProgrammeManager({ fair }: { fair: Fair }) {
  const { t, lang } = useI18n();
  const state = useAsync(async () => {
    const [items, booths] = await Promise.all([api.programme(fair.id), api.booths(fair.id)]);
    return { items: items.items, booths: booths.items };
  }, [fair.id]);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<ProgrammeItem | null>(null);
  const fe = useFieldErrors(error, FIELDS, 'programme-err');

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? '').trim();
    const instant = (k: string) => (text(k) ? zonedToUtc(text(k), fair.timezone).toISOString() : '');
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const input = {
        kind: text('kind') as ProgrammeKind,
        title: text('title'),
        description: text('description') || null,
        boothId: text('boothId') || null,
        startsAt: instant('startsAt'),
        endsAt: instant('endsAt'),
      };
      if (editing) await api.updateProgrammeItem(editing.id, input);
      else await api.addProgrammeItem(fair.id, input);
      form.reset();
      setEditing(null);
      setNote(t(editing ? 'programme.saved' : 'programme.added'));
      state.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const edit = (item: ProgrammeItem) => {
    setError(null);
    setNote(null);
    setEditing(item);
    // the form is where the change is made: bring it into view and put the caret in its first field
    requestAnimationFrame(() => {
      const kind = document.getElementById('prog-kind');
      kind?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      kind?.focus({ preventScroll: true });
    });
  };
  const remove = async (id: string, title: string) => {
    if (!window.confirm(t('programme.confirmRemove', { title }))) return;
    setError(null);
    setNote(null);
    try {
      await api.removeProgrammeItem(id);
      setNote(t('programme.removed'));
      state.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="programme-manage-title" className="card stack">
      <h2 id="programme-manage-title">{t('programme.manage')}</h2>
      <p className="hint">{t('programme.manageLead', { zone: fair.timezone })}</p>
      <Loaded state={state}>
        {({ items, booths }) => (
          <>
            {items.length > 0 && (
              <ul className="plain cards" data-testid="programme-admin">
                {items.map((i) => (
                  <li key={i.id} className="card">
                    <p className="programme-time">
                      {formatDateTime(i.startsAt, fair.timezone, lang)} – {formatDateTime(i.endsAt, fair.timezone, lang)}
                    </p>
                    <p className="programme-title">
                      <span className="tag">{t(`programme.kind.${i.kind}`)}</span> {i.title}
                      {i.companyName && <span className="muted"> · {i.companyName}</span>}
                    </p>
                    <div className="actions">
                      <button type="button" className="button button-secondary button-small" onClick={() => edit(i)} aria-label={t('programme.editLabel', { title: i.title })}>
                        {t('programme.edit')}
                      </button>
                      <button type="button" className="button button-secondary button-small" onClick={() => void remove(i.id, i.title)} aria-label={t('programme.removeLabel', { title: i.title })}>
                        {t('programme.remove')}
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            )}
            {/* keyed by the item being changed, so that its fields start from that item's values */}
            <form key={editing?.id ?? 'new'} onSubmit={(e) => void submit(e)} className="stack" noValidate aria-label={editing ? t('programme.editing', { title: editing.title }) : t('programme.add')}>
              {editing && <p className="hint" role="status">{t('programme.editing', { title: editing.title })}</p>}
              <div className="field">
                <label htmlFor="prog-kind">{t('programme.kindLabel')}</label>
                <select id="prog-kind" name="kind" defaultValue={editing?.kind ?? 'briefing'} {...fe.input('kind')}>
                  {PROGRAMME_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`programme.kind.${k}`)}
                    </option>
                  ))}
                </select>
                {fe.message('kind')}
              </div>
              <div className="field">
                <label htmlFor="prog-title">{t('programme.titleLabel')}</label>
                <input id="prog-title" name="title" maxLength={200} defaultValue={editing?.title ?? ''} {...fe.input('title')} />
                {fe.message('title')}
              </div>
              <div className="field">
                <label htmlFor="prog-booth">{t('programme.booth')}</label>
                <select id="prog-booth" name="boothId" defaultValue={editing?.boothId ?? ''} {...fe.input('boothId')}>
                  <option value="">{t('programme.noBooth')}</option>
                  {booths.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.companyName}
                    </option>
                  ))}
                </select>
                {fe.message('boothId')}
              </div>
              <div className="field">
                <label htmlFor="prog-starts">{t('programme.startsAt')}</label>
                <input id="prog-starts" name="startsAt" type="datetime-local" defaultValue={editing ? utcToZonedInput(editing.startsAt, fair.timezone) : ''} {...fe.input('startsAt')} />
                {fe.message('startsAt')}
              </div>
              <div className="field">
                <label htmlFor="prog-ends">{t('programme.endsAt')}</label>
                <input id="prog-ends" name="endsAt" type="datetime-local" defaultValue={editing ? utcToZonedInput(editing.endsAt, fair.timezone) : ''} {...fe.input('endsAt')} />
                {fe.message('endsAt')}
              </div>
              <div className="field">
                <label htmlFor="prog-description">{t('programme.description')}</label>
                <textarea id="prog-description" name="description" rows={2} maxLength={2000} defaultValue={editing?.description ?? ''} {...fe.input('description')} />
                {fe.message('description')}
              </div>
              <ErrorNote error={fe.rest} />
              <div className="actions">
                <button type="submit" className="button" disabled={busy}>
                  {editing ? t('programme.save') : t('programme.add')}
                </button>
                {editing && (
                  <button type="button" className="button button-secondary" onClick={() => setEditing(null)}>
                    {t('programme.cancelEdit')}
                  </button>
                )}
              </div>
              <OkNote>{note}</OkNote>
            </form>
          </>
        )}
      </Loaded>
    </section>
  );
}
