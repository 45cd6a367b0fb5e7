import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { CompanyPage } from '@bisang/contracts';
import { api } from '../api/client';
import { ErrorNote, Loaded, OkNote, useAsync, useFieldErrors } from '../components/async';
import { useI18n } from '../i18n/i18n';

const FIELDS = ['name', 'industry', 'region', 'size', 'introduction', 'benefits', 'location', 'businessNumber'] as const;

/** The company's staff edit its page: text fields, benefits (one per line), the business number, logo and photos. */
export function CompanyEdit() {
  const { companyId = '' } = useParams();
  const state = useAsync(() => api.companyPage(companyId), [companyId]);
  return <Loaded state={state}>{(page) => <CompanyEditForm page={page} onSaved={(p) => state.setData(() => p)} />}</Loaded>;
}

function CompanyEditForm({ page, onSaved }: { page: CompanyPage; onSaved: (p: CompanyPage) => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fe = useFieldErrors(error, FIELDS, 'company-err');
  const [imageError, setImageError] = useState<unknown>(null);
  const [imageNote, setImageNote] = useState<string | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    const orNull = (k: string) => text(k) || null;
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const saved = await api.updateCompanyPage(page.id, {
        name: text('name'),
        industry: orNull('industry'),
        region: orNull('region'),
        size: orNull('size'),
        introduction: orNull('introduction'),
        location: orNull('location'),
        benefits: text('benefits')
          .split('\n')
          .map((b) => b.trim())
          .filter(Boolean),
        businessNumber: orNull('businessNumber'),
      });
      onSaved(saved);
      setNote(t('company.savedNote'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const upload = (kind: 'logo' | 'photo') => async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setImageError(null);
    setImageNote(null);
    try {
      await api.uploadCompanyImage(page.id, kind, file);
      onSaved(await api.companyPage(page.id));
      setImageNote(t('company.uploaded'));
    } catch (err) {
      setImageError(err);
    } finally {
      input.value = '';
    }
  };
  const removeImage = async (imageId: string) => {
    setImageError(null);
    setImageNote(null);
    try {
      await api.removeCompanyImage(page.id, imageId);
      onSaved(await api.companyPage(page.id));
    } catch (err) {
      setImageError(err);
    }
  };

  const field = (name: (typeof FIELDS)[number], label: string, props: { hint?: string; long?: boolean; defaultValue: string; autoComplete?: string; inputMode?: 'numeric' }) => (
    <div className="field">
      <label htmlFor={`company-${name}`}>{label}</label>
      {props.hint && (
        <p className="hint" id={`company-${name}-hint`}>
          {props.hint}
        </p>
      )}
      {props.long ? (
        <textarea id={`company-${name}`} name={name} rows={5} defaultValue={props.defaultValue} {...fe.input(name, props.hint ? `company-${name}-hint` : undefined)} />
      ) : (
        <input
          id={`company-${name}`}
          name={name}
          defaultValue={props.defaultValue}
          autoComplete={props.autoComplete ?? 'off'}
          inputMode={props.inputMode}
          {...fe.input(name, props.hint ? `company-${name}-hint` : undefined)}
        />
      )}
      {fe.message(name)}
    </div>
  );

  return (
    <div className="stack narrow">
      <p className="crumbs">
        <Link to="/recruiter">{t('nav.recruiter')}</Link> › <Link to={`/companies/${page.id}`}>{t('company.view')}</Link>
      </p>
      <h1>{t('company.editTitle', { name: page.name })}</h1>
      <form className="stack card" onSubmit={(e) => void submit(e)} noValidate>
        {field('name', t('company.name'), { defaultValue: page.name, autoComplete: 'organization' })}
        {field('industry', t('company.industry'), { defaultValue: page.industry ?? '' })}
        {field('size', t('company.size'), { defaultValue: page.size ?? '' })}
        {field('region', t('company.region'), { defaultValue: page.region ?? '' })}
        {field('location', t('company.location'), { defaultValue: page.location ?? '' })}
        {field('introduction', t('company.introduction'), { defaultValue: page.introduction ?? '', long: true })}
        {field('benefits', t('company.benefits'), { defaultValue: page.benefits.join('\n'), long: true, hint: t('company.benefitsHint') })}
        {field('businessNumber', t('company.businessNumber'), { defaultValue: page.businessNumber ?? '', hint: t('company.businessNumberHint'), inputMode: 'numeric' })}
        <ErrorNote error={fe.rest} />
        <button type="submit" className="button" disabled={busy}>
          {t('company.save')}
        </button>
        <OkNote>{note}</OkNote>
      </form>

      <section aria-labelledby="company-images" className="stack card">
        <h2 id="company-images">{t('company.images')}</h2>
        <p className="hint">{t('company.imageHint')}</p>
        <div className="field">
          <label htmlFor="company-logo">{t('company.uploadLogo')}</label>
          {page.logo && <img className="company-logo" src={page.logo.url} alt={t('company.logoAlt', { name: page.name })} width={72} height={72} />}
          <input id="company-logo" type="file" accept="image/png,image/jpeg,image/webp" onChange={(e) => void upload('logo')(e)} />
        </div>
        <div className="field">
          <label htmlFor="company-photo">{t('company.addPhoto')}</label>
          <input id="company-photo" type="file" accept="image/png,image/jpeg,image/webp" onChange={(e) => void upload('photo')(e)} />
        </div>
        <ErrorNote error={imageError} />
        <OkNote>{imageNote}</OkNote>
        {page.photos.length > 0 && (
          <ul className="photos" data-testid="edit-photos">
            {page.photos.map((p, i) => (
              <li key={p.id} className="stack">
                <img src={p.url} alt={t('company.photoAlt', { name: page.name, n: i + 1 })} />
                <button type="button" className="button button-secondary button-small" onClick={() => void removeImage(p.id)} aria-label={t('company.removeImageLabel', { n: i + 1 })}>
                  {t('company.removeImage')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
