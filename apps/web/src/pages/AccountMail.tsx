import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { useAuth } from '../auth/auth';
import { ErrorNote } from '../components/async';
import { useI18n } from '../i18n/i18n';

/** `/verify-email?token=…`: the link of the verification mail. Verifies once on arrival. */
export function VerifyEmail() {
  const { t } = useI18n();
  const { reload } = useAuth();
  const [params] = useSearchParams();
  const [state, setState] = useState<'working' | 'done' | 'invalid'>('working');
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    api
      .verifyEmail(params.get('token') ?? '')
      .then(async () => {
        setState('done');
        await reload().catch(() => undefined);
      })
      .catch(() => setState('invalid'));
  }, [params, reload]);
  return (
    <div className="narrow stack">
      <h1>{t('mail.verifyTitle')}</h1>
      <p role="status">{state === 'working' ? t('mail.verifying') : state === 'done' ? t('mail.verified') : t('mail.linkInvalid')}</p>
      <p>
        <Link to="/">{t('nav.fairs')}</Link>
      </p>
    </div>
  );
}

/**
 * `/invitations/accept?token=…`: the link of a company invitation mail. Reached signed in as a recruiter (the route
 * sends others to sign in first and back here); accepts once on arrival.
 */
export function AcceptInvitation() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [state, setState] = useState<'working' | 'done' | 'invalid' | 'other'>('working');
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    api
      .acceptInvitationByLink(params.get('token') ?? '')
      .then(() => setState('done'))
      .catch((err: unknown) => setState((err as { status?: number }).status === 400 ? 'invalid' : 'other'));
  }, [params]);
  const message = { working: t('invite.linkWorking'), done: t('invite.linkDone'), invalid: t('invite.linkInvalid'), other: t('invite.linkOther') }[state];
  return (
    <div className="narrow stack">
      <h1>{t('invite.linkTitle')}</h1>
      <p role="status">{message}</p>
      <p>
        <Link to="/recruiter">{t('invite.linkGo')}</Link>
      </p>
    </div>
  );
}

/** `/forgot-password`: asks for a reset link (the answer is the same whether or not the address has an account). */
export function ForgotPassword() {
  const { t } = useI18n();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    try {
      await api.requestPasswordReset(String(new FormData(e.currentTarget).get('email')));
      setSent(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="narrow stack">
      <h1>{t('mail.forgotTitle')}</h1>
      {sent ? (
        <p role="status">{t('mail.forgotSent')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="stack card">
          <p>{t('mail.forgotLead')}</p>
          <div className="field">
            <label htmlFor="email">{t('auth.email')}</label>
            <input id="email" name="email" type="email" autoComplete="email" required />
          </div>
          <ErrorNote error={error} />
          <button type="submit" className="button">
            {t('mail.forgotSend')}
          </button>
        </form>
      )}
    </div>
  );
}

/** `/reset-password?token=…`: the link of the reset mail. */
export function ResetPassword() {
  const { t } = useI18n();
  const { signOut } = useAuth();
  const [params] = useSearchParams();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    try {
      await api.confirmPasswordReset(params.get('token') ?? '', String(new FormData(e.currentTarget).get('password')));
      signOut(); // every session was revoked, this tab's too
      setDone(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="narrow stack">
      <h1>{t('mail.resetTitle')}</h1>
      {done ? (
        <p role="status">
          {t('mail.resetDone')} <Link to="/signin">{t('nav.signIn')}</Link>
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="stack card">
          <div className="field">
            <label htmlFor="password">{t('mail.newPassword')}</label>
            <input id="password" name="password" type="password" autoComplete="new-password" minLength={8} required aria-describedby="password-hint" />
            <p id="password-hint" className="muted">
              {t('auth.passwordHint')}
            </p>
          </div>
          <ErrorNote error={error} />
          <button type="submit" className="button">
            {t('mail.resetSave')}
          </button>
        </form>
      )}
    </div>
  );
}

/** A signed-in user whose address is not verified yet, where the server requires it: what to do, and a resend. */
export function VerificationNotice() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [resent, setResent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!user || user.emailVerified !== false || !user.emailVerificationRequired) return null;
  const resend = async () => {
    try {
      await api.resendVerification();
      setResent(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="card" role="region" aria-label={t('mail.verifyTitle')}>
      <p>{t('mail.verifyNotice', { email: user.email })}</p>
      {resent ? (
        <p role="status">{t('mail.resent')}</p>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => void resend()}>
          {t('mail.resend')}
        </button>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
