import { useState, type FormEvent } from 'react';
import { ApiError, api, downloadFile, resumeUrl } from '../api/client';
import { EDUCATION_LEVELS, EMPLOYMENT_TYPES } from '@bisang/contracts';
import { TalentPoolPanel } from '../components/TalentPoolPanel';
import { oneOf } from '../api/parse';
import { ErrorNote, Loaded, OkNote, useAsync } from '../components/async';
import { useJobCategories } from '../components/useJobCategories';
import { formatDateTime, formatNumber } from '../format';
import { useI18n } from '../i18n/i18n';
import { AccountSettings } from './MyAccount';

const MAX_RESUME_BYTES = 5 * 1024 * 1024;

/** The seeker's profile and resume (PDF), which recruiters of booths they apply to may see. */
export function MyProfile() {
  const { t, lang, label } = useI18n();
  const categories = useJobCategories();
  // A seeker who never saved a profile gets an empty one (updatedAt null), never a 404.
  const state = useAsync(() => api.myProfile(), []);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // Feedback is shown under the button that was pressed (on a phone the top of the page is out of sight).
  const [where, setWhere] = useState<'profile' | 'resume'>('profile');
  const feedback = (form: 'profile' | 'resume') => (
    <div className="field-wide">
      <OkNote>{where === form ? saved : null}</OkNote>
      {where === form && <ErrorNote error={error} />}
    </div>
  );


  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setWhere('profile');
    setError(null);
    setSaved(null);
    try {
      const next = await api.saveProfile({
        education: oneOf(EDUCATION_LEVELS, String(data.get('education'))) ?? null,
        desiredJobCategories: data.getAll('desiredJobCategories').map(String),
        region: String(data.get('region')).trim() || null,
        uTurn: data.get('uTurn') === 'on',
        careerSummary: String(data.get('careerSummary')).trim() || null,
        careerYears: String(data.get('careerYears')).trim() === '' ? null : Number(data.get('careerYears')),
        desiredEmploymentTypes: data.getAll('desiredEmploymentTypes').flatMap((v) => oneOf(EMPLOYMENT_TYPES, String(v)) ?? []),
        careerBreak: data.get('careerBreak') === 'on',
      });
      state.setData(() => next);
      setSaved(t('profile.saved'));
    } catch (err) {
      setError(err);
    }
  };
  const upload = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = (new FormData(e.currentTarget).get('resume') as File | null) ?? null;
    setWhere('resume');
    setError(null);
    setSaved(null);
    if (!file || !file.size) return;
    // The server decides by the content (a PDF starts with %PDF-); this only spares a pointless upload.
    if (file.size > MAX_RESUME_BYTES) {
      setError(new ApiError(400, 'RESUME_INVALID', [t('profile.resumeRule')]));
      return;
    }
    try {
      const resume = await api.uploadResume(file);
      state.setData((prev) => prev && { ...prev, resume });
      setSaved(t('profile.uploaded'));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="stack">
      <h1>{t('profile.title')}</h1>
      <p className="muted">{t('profile.privacy')}</p>
      <Loaded state={state}>
        {(profile) => (
        <>
          <form className="card form-grid" onSubmit={(e) => void save(e)}>
            <div className="field">
              <label htmlFor="education">{t('profile.education')}</label>
              <select id="education" name="education" defaultValue={profile.education ?? ''}>
                <option value="">—</option>
                {EDUCATION_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`education.${l}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="region">{t('rec.region')}</label>
              <input id="region" name="region" defaultValue={profile.region ?? ''} maxLength={100} />
            </div>
            <fieldset className="field field-wide">
              <legend>{t('profile.categories')}</legend>
              <div className="checks">
                {categories?.jobCategories.map((c) => (
                  <label key={c.code} className="radio">
                    <input type="checkbox" name="desiredJobCategories" value={c.code} defaultChecked={profile.desiredJobCategories.includes(c.code)} /> {label(c)}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="field">
              <label htmlFor="careerYears">{t('profile.careerYears')}</label>
              <input id="careerYears" name="careerYears" type="number" min={0} max={60} inputMode="numeric" defaultValue={profile.careerYears ?? ''} />
            </div>
            <fieldset className="field field-wide">
              <legend>{t('profile.employmentTypes')}</legend>
              <div className="checks">
                {EMPLOYMENT_TYPES.map((type) => (
                  <label key={type} className="radio">
                    <input type="checkbox" name="desiredEmploymentTypes" value={type} defaultChecked={profile.desiredEmploymentTypes.includes(type)} />{' '}
                    {t(`employment.${type}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <label className="radio field-wide">
              <input type="checkbox" name="uTurn" defaultChecked={profile.uTurn} /> {t('profile.uTurn')}
            </label>
            <label className="radio field-wide">
              <input type="checkbox" name="careerBreak" defaultChecked={profile.careerBreak ?? false} /> {t('profile.careerBreak')}
            </label>
            <div className="field field-wide">
              <label htmlFor="careerSummary">{t('profile.career')}</label>
              <textarea id="careerSummary" name="careerSummary" rows={4} maxLength={5000} defaultValue={profile.careerSummary ?? ''} />
            </div>
            <button type="submit" className="button">
              {t('profile.save')}
            </button>
            {feedback('profile')}
          </form>
          <form className="card stack" onSubmit={(e) => void upload(e)}>
            <h2>{t('profile.resume')}</h2>
            {profile.resume ? (
              <p data-testid="resume">
                {profile.resume.fileName} ({formatNumber(Math.ceil(profile.resume.sizeBytes / 1024), lang)} KB) ·{' '}
                {t('profile.uploadedAt', { at: formatDateTime(profile.resume.uploadedAt, 'Asia/Seoul', lang) })}{' '}
                <button
                  type="button"
                  className="linklike"
                  onClick={() => {
                    setWhere('resume');
                    void downloadFile(resumeUrl(profile.resume!.id), profile.resume!.fileName).catch(setError);
                  }}
                >
                  {t('profile.openResume')}
                </button>
              </p>
            ) : (
              <p className="muted">{t('profile.noResume')}</p>
            )}
            <div className="field">
              <label htmlFor="resume">{t('profile.resumeFile')}</label>
              <input id="resume" name="resume" type="file" accept="application/pdf" aria-describedby="resume-hint" />
              <p id="resume-hint" className="hint">
                {t('profile.resumeRule')}
              </p>
            </div>
            <button type="submit" className="button button-secondary">
              {t('profile.upload')}
            </button>
            {feedback('resume')}
          </form>
          {!!profile.counsellingNotes && <p className="muted">{t('profile.counsellingNotes', { n: profile.counsellingNotes })}</p>}
        </>
        )}
      </Loaded>
      <TalentPoolPanel />
      <AccountSettings />
    </div>
  );
}
