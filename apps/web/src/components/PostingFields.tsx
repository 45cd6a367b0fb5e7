import { useState, type FormEvent } from 'react';
import type { Booth, Fair, Posting } from '@bisang/contracts';
import { api } from '../api/client';
import { dayKey, zonedToUtc } from '../format';
import { useI18n } from '../i18n/i18n';
import { ErrorNote, OkNote, useFieldErrors, type FieldErrors } from './async';

const MANWON = 10_000;

/** Salary (yearly, entered in 만원) and the deadline (a day in the fair's zone): the posting form's extra fields. */
export function SalaryDeadlineFields({ id, timezone, posting, fe }: { id: string; timezone: string; posting?: Posting; fe: FieldErrors }) {
  const { t } = useI18n();
  const manwon = (v: number | null | undefined) => (v == null ? '' : String(Math.round(v / MANWON)));
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-salary-min`}>{t('postingForm.salaryMin')}</label>
        <input id={`${id}-salary-min`} name="salaryMin" type="number" min={0} step={1} inputMode="numeric" defaultValue={manwon(posting?.salaryMin)} {...fe.input('salaryMin', `${id}-salary-hint`)} />
        {fe.message('salaryMin')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-salary-max`}>{t('postingForm.salaryMax')}</label>
        <input id={`${id}-salary-max`} name="salaryMax" type="number" min={0} step={1} inputMode="numeric" defaultValue={manwon(posting?.salaryMax)} {...fe.input('salaryMax', `${id}-salary-hint`)} />
        {fe.message('salaryMax')}
        <p id={`${id}-salary-hint`} className="hint">
          {t('postingForm.salaryHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-closes`}>{t('postingForm.closesOn')}</label>
        <input id={`${id}-closes`} name="closesOn" type="date" defaultValue={posting?.closesAt ? dayKey(posting.closesAt, timezone) : ''} {...fe.input('closesAt', `${id}-closes-hint`)} />
        {fe.message('closesAt')}
        <p id={`${id}-closes-hint`} className="hint">
          {t('postingForm.closesHint')}
        </p>
      </div>
    </>
  );
}

/** The salary and deadline of a submitted form; `clear` sends null for an emptied field (an edit), else leaves it out. */
export function readSalaryDeadline(data: FormData, timezone: string, clear: boolean) {
  const num = (name: string) => {
    const raw = String(data.get(name) ?? '').trim();
    return raw === '' ? (clear ? null : undefined) : Number(raw) * MANWON;
  };
  const closesOn = String(data.get('closesOn') ?? '').trim();
  const closesAt = closesOn ? zonedToUtc(`${closesOn}T23:59`, timezone).toISOString() : clear ? null : undefined;
  const out: { salaryMin?: number | null; salaryMax?: number | null; closesAt?: string | null } = {};
  const salaryMin = num('salaryMin');
  const salaryMax = num('salaryMax');
  if (salaryMin !== undefined) out.salaryMin = salaryMin;
  if (salaryMax !== undefined) out.salaryMax = salaryMax;
  if (closesAt !== undefined) out.closesAt = closesAt;
  return out;
}

/** Staff change a posting that is not closed: openings, place, salary and deadline (a published one too). */
export function EditPosting({ posting, fair, onSaved }: { posting: Posting; fair: Fair; onSaved: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const fe = useFieldErrors(error, ['openings', 'location', 'salaryMin', 'salaryMax', 'closesAt'], `edit-${posting.id}`);
  const id = `edit-${posting.id}`;
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setError(null);
    setSaved(false);
    try {
      await api.updatePosting(posting.id, {
        openings: Number(data.get('openings')),
        location: String(data.get('location') ?? '').trim() || null,
        ...readSalaryDeadline(data, fair.timezone, true),
      });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="small edit-posting">
      <summary>{t('postingForm.edit')}</summary>
      <form className="form-grid" onSubmit={(e) => void save(e)} aria-label={t('postingForm.editOf', { title: posting.title })}>
        <div className="field">
          <label htmlFor={`${id}-openings`}>{t('posting.openingsLabel')}</label>
          <input id={`${id}-openings`} name="openings" type="number" min={1} required defaultValue={posting.openings} {...fe.input('openings')} />
          {fe.message('openings')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-location`}>{t('posting.location')}</label>
          <input id={`${id}-location`} name="location" maxLength={200} defaultValue={posting.location ?? ''} {...fe.input('location')} />
          {fe.message('location')}
        </div>
        <SalaryDeadlineFields id={id} timezone={fair.timezone} posting={posting} fe={fe} />
        <button type="submit" className="button button-small">
          {t('postingForm.save')}
        </button>
        <div className="field-wide">
          <OkNote>{saved && t('postingForm.saved')}</OkNote>
          <ErrorNote error={fe.rest} />
        </div>
      </form>
    </details>
  );
}

/** What a posting's status means to the public while its booth is not approved. */
export function BoothVisibilityNote({ booth }: { booth: Booth }) {
  const { t } = useI18n();
  if (booth.status === 'approved') return null;
  return (
    <p className="note note-warn" data-testid="postings-not-public">
      {t(booth.status === 'pending' ? 'postingForm.notPublicPending' : 'postingForm.notPublicRejected')}
    </p>
  );
}
