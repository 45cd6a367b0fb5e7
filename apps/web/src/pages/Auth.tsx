import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { PRIVACY_CONSENT_TEXT, PRIVACY_CONSENT_VERSION } from '@bisang/contracts';
import type { UserRole } from '@bisang/contracts';
import { useAuth } from '../auth/auth';
import { ErrorNote, useFieldErrors } from '../components/async';
import { ConsentText } from '../components/PrivacyConsent';
import { useI18n } from '../i18n/i18n';

export const homeOf = (role: UserRole): string =>
  role === 'organizer' ? '/organizer' : role === 'recruiter' ? '/recruiter' : role === 'coach' ? '/coach' : '/';

function useAfterSignIn() {
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  return (role: UserRole) => navigate(from ?? homeOf(role), { replace: true });
}

export function SignIn() {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const after = useAfterSignIn();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fe = useFieldErrors(error, ['email', 'password'], 'signin-err');
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const user = await signIn(String(form.get('email')), String(form.get('password')));
      after(user.role);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="narrow stack">
      <h1>{t('auth.signInTitle')}</h1>
      <form onSubmit={(e) => void submit(e)} className="stack card">
        <div className="field">
          <label htmlFor="email">{t('auth.email')}</label>
          <input id="email" name="email" type="email" autoComplete="email" required {...fe.input('email')} />
          {fe.message('email')}
        </div>
        <div className="field">
          <label htmlFor="password">{t('auth.password')}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required {...fe.input('password')} />
          {fe.message('password')}
        </div>
        <ErrorNote error={fe.rest} />
        <button type="submit" className="button" disabled={busy}>
          {t('auth.signIn')}
        </button>
      </form>
      <p>
        {t('auth.noAccount')} <Link to="/signup">{t('nav.signUp')}</Link>
      </p>
      <p>
        <Link to="/forgot-password">{t('mail.forgotLink')}</Link>
      </p>
    </div>
  );
}

export function SignUp() {
  const { t, lang } = useI18n();
  const { signUp } = useAuth();
  const after = useAfterSignIn();
  const [role, setRole] = useState<'seeker' | 'recruiter' | 'coach'>('seeker');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fe = useFieldErrors(error, ['email', 'password', 'name', 'birthDate', 'privacyConsentVersion'], 'signup-err');
  const [consentMissing, setConsentMissing] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setError(null);
    if (form.get('privacyConsent') !== 'yes') {
      setConsentMissing(true);
      return;
    }
    setBusy(true);
    try {
      const user = await signUp({
        email: String(form.get('email')),
        password: String(form.get('password')),
        name: String(form.get('name')),
        role,
        ...(role === 'seeker' ? { birthDate: String(form.get('birthDate')) } : {}),
        // The version of the text shown above the checkbox: the server records it with the time.
        privacyConsentVersion: PRIVACY_CONSENT_VERSION,
      });
      after(user.role);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="narrow stack">
      <h1>{t('auth.signUpTitle')}</h1>
      <form onSubmit={(e) => void submit(e)} className="stack card">
        <fieldset className="field">
          <legend>{t('auth.role')}</legend>
          <div className="radios">
            {(['seeker', 'recruiter', 'coach'] as const).map((r) => (
              <label key={r} className="radio">
                <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} /> {t(`role.${r}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="name">{t('auth.name')}</label>
          <input id="name" name="name" autoComplete="name" required maxLength={100} {...fe.input('name')} />
          {fe.message('name')}
        </div>
        <div className="field">
          <label htmlFor="email">{t('auth.email')}</label>
          <input id="email" name="email" type="email" autoComplete="email" required {...fe.input('email')} />
          {fe.message('email')}
        </div>
        <div className="field">
          <label htmlFor="password">{t('auth.password')}</label>
          <input id="password" name="password" type="password" autoComplete="new-password" required {...fe.input('password', 'password-hint')} />
          {fe.message('password')}
          <p id="password-hint" className="hint">
            {t('auth.passwordHint')}
          </p>
        </div>
        {role === 'seeker' && (
          <div className="field">
            <label htmlFor="birthDate">{t('auth.birthDate')}</label>
            <input id="birthDate" name="birthDate" type="date" required {...fe.input('birthDate', 'birth-hint')} />
            {fe.message('birthDate')}
            <p id="birth-hint" className="hint">
              {t('auth.birthHint')}
            </p>
          </div>
        )}
        <fieldset className="field consent">
          <legend>{t('privacy.consentRequired')}</legend>
          <ConsentText id="consent-text" />
          <label className="radio">
            <input
              type="checkbox"
              name="privacyConsent"
              value="yes"
              aria-describedby="consent-text"
              aria-invalid={consentMissing || undefined}
              aria-errormessage={consentMissing ? 'consent-err' : undefined}
              onChange={(e) => e.currentTarget.checked && setConsentMissing(false)}
            />{' '}
            {PRIVACY_CONSENT_TEXT[lang].agree}
          </label>
          {consentMissing && (
            <p id="consent-err" className="field-error" role="alert">
              {t('privacy.mustAgree')}
            </p>
          )}
          {fe.message('privacyConsentVersion')}
        </fieldset>
        <ErrorNote error={fe.rest} />
        <button type="submit" className="button" disabled={busy}>
          {t('auth.signUp')}
        </button>
      </form>
      <p>
        {t('auth.haveAccount')} <Link to="/signin">{t('nav.signIn')}</Link>
      </p>
    </div>
  );
}
