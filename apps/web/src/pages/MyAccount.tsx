import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, dataExportUrl, downloadFile, tokens } from '../api/client';
import { useAuth } from '../auth/auth';
import { ErrorNote, OkNote, useFieldErrors } from '../components/async';
import { useI18n } from '../i18n/i18n';

const MIN_PASSWORD = 10;

/** Change the password (other sessions end) and sign out everywhere: for every role. */
export function AccountSettings() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fe = useFieldErrors(error, ['currentPassword', 'newPassword'], 'password-err');

  const change = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setError(null);
    setDone(null);
    const next = String(data.get('newPassword'));
    if (next !== String(data.get('confirmPassword'))) {
      setDone(null);
      setError(new Error(t('account.mismatch')));
      return;
    }
    setBusy(true);
    try {
      await api.changePassword(String(data.get('currentPassword')), next);
      form.reset();
      setDone(t('account.changed'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const everywhere = async () => {
    if (!window.confirm(t('account.everywhereConfirm'))) return;
    setError(null);
    try {
      await api.logoutEverywhere();
    } catch (err) {
      setError(err);
      return;
    }
    tokens.set(null);
    navigate('/signin');
  };

  return (
    <>
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">{t('account.password')}</h2>
        <p className="muted">{t('account.passwordHint', { min: MIN_PASSWORD })}</p>
        <form className="form-grid" onSubmit={(e) => void change(e)}>
          <div className="field">
            <label htmlFor="current-password">{t('account.current')}</label>
            <input id="current-password" name="currentPassword" type="password" autoComplete="current-password" required maxLength={128} {...fe.input('currentPassword')} />
            {fe.message('currentPassword')}
          </div>
          <div className="field">
            <label htmlFor="new-password">{t('account.new')}</label>
            <input id="new-password" name="newPassword" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD} maxLength={128} {...fe.input('newPassword')} />
            {fe.message('newPassword')}
          </div>
          <div className="field">
            <label htmlFor="confirm-password">{t('account.confirm')}</label>
            <input id="confirm-password" name="confirmPassword" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD} maxLength={128} />
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t('account.changeSubmit')}
          </button>
          {/* Feedback right under the button, where the eye is on a phone. */}
          <div className="field-wide">
            <OkNote>{done}</OkNote>
            {error instanceof Error && !('status' in error) ? (
              <p className="note note-error" role="alert">
                {error.message}
              </p>
            ) : (
              <ErrorNote error={fe.rest} />
            )}
          </div>
        </form>
      </section>
      <section className="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('account.sessions')}</h2>
        <p className="muted">{t('account.sessionsHint')}</p>
        <button type="button" className="button button-secondary" onClick={() => void everywhere()}>
          {t('account.everywhere')}
        </button>
      </section>
    </>
  );
}

/** The seeker's privacy rights: a copy of their data (JSON), and deleting the account after the password. */
export function PrivacySettings() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [exportError, setExportError] = useState<unknown>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fe = useFieldErrors(error, ['password'], 'delete-err');

  const download = async () => {
    setExportError(null);
    setExported(null);
    try {
      await downloadFile(dataExportUrl, `bisang-my-data-${new Date().toISOString().slice(0, 10)}.json`);
      setExported(t('account.exported'));
    } catch (err) {
      setExportError(err);
    }
  };

  const remove = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get('password'));
    if (!window.confirm(t('account.deleteConfirm'))) return;
    setBusy(true);
    setError(null);
    try {
      await api.deleteAccount(password);
    } catch (err) {
      setError(err);
      setBusy(false);
      return;
    }
    // Every session ended on the server; the page it lands on forgets this one too (signing out here first would send
    // this guarded page to the sign-in form before the navigation happens).
    navigate('/account-deleted', { replace: true, state: { deleted: true } });
  };

  return (
    <>
      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">{t('account.exportTitle')}</h2>
        <p className="muted">{t('account.exportHint')}</p>
        <button type="button" className="button button-secondary" onClick={() => void download()}>
          {t('account.exportButton')}
        </button>
        <OkNote>{exported}</OkNote>
        <ErrorNote error={exportError} />
      </section>
      <section className="card" aria-labelledby="delete-title">
        <h2 id="delete-title">{t('account.deleteTitle')}</h2>
        <p className="muted" id="delete-hint">
          {t('account.deleteHint')}
        </p>
        <form className="form-grid" onSubmit={(e) => void remove(e)}>
          <div className="field">
            <label htmlFor="delete-password">{t('account.deletePassword')}</label>
            <input id="delete-password" name="password" type="password" autoComplete="current-password" required maxLength={128} {...fe.input('password', 'delete-hint')} />
            {fe.message('password')}
          </div>
          <button type="submit" className="button button-danger" disabled={busy}>
            {t('account.deleteButton')}
          </button>
          <div className="field-wide">
            <ErrorNote error={fe.rest} />
          </div>
        </form>
      </section>
    </>
  );
}

export function MyAccount() {
  const { t } = useI18n();
  const { user } = useAuth();
  return (
    <div className="stack">
      <h1>{t('account.title')}</h1>
      <AccountSettings />
      {user?.role === 'seeker' && <PrivacySettings />}
    </div>
  );
}

/** Where a deleted account lands: signed out, told it is done. */
export function AccountDeleted() {
  const { t } = useI18n();
  const location = useLocation();
  const deleted = (location.state as { deleted?: boolean } | null)?.deleted === true;
  useEffect(() => {
    if (deleted) tokens.set(null);
  }, [deleted]);
  return (
    <div className="narrow stack">
      <h1>{t('account.deletedTitle')}</h1>
      <p role="status">{t('account.deletedBody')}</p>
    </div>
  );
}
