import { useEffect, useState } from 'react';
import { PRIVACY_CONSENT_TEXT, PRIVACY_CONSENT_VERSION } from '@bisang/contracts';
import type { PrivacyConsentStatus } from '@bisang/contracts';
import { api } from '../api/client';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import { ErrorNote } from './async';

/** The consent text of the current version: what is collected, why, for how long, and the right to refuse. */
export function ConsentText({ id }: { id?: string }) {
  const { lang, t } = useI18n();
  const text = PRIVACY_CONSENT_TEXT[lang];
  return (
    <div className="consent-text" id={id} tabIndex={0} role="region" aria-label={text.title}>
      <p className="consent-title">
        <strong>{text.title}</strong> <span className="muted">({t('privacy.version', { version: PRIVACY_CONSENT_VERSION })})</span>
      </p>
      <dl>
        {text.sections.map((s) => (
          <div key={s.title}>
            <dt>{s.title}</dt>
            <dd>{s.body}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/**
 * Asks a signed-in seeker, recruiter or coach for the consent when they have not agreed to the current version: an
 * account made without the form (the API, the CLI) or one that agreed to an earlier text.
 */
export function ConsentNotice() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const [status, setStatus] = useState<PrivacyConsentStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [thanked, setThanked] = useState(false);

  useEffect(() => {
    setStatus(null);
    setThanked(false);
    // Organizers are the centre's staff, created by an operator: the sign-up consent is for the people who sign up.
    if (!user || user.role === 'organizer') return;
    let cancelled = false;
    api.privacyConsents().then(
      (s) => !cancelled && setStatus(s),
      () => undefined, // a failed read asks nothing: the next page load asks again
    );
    return () => {
      cancelled = true;
    };
  }, [user]);

  if (thanked) {
    return (
      <p className="note note-ok" role="status">
        {t('privacy.agreed')}
      </p>
    );
  }
  if (!user || !status || status.agreed) return null;
  const agree = async () => {
    setBusy(true);
    setError(null);
    try {
      setStatus(await api.agreePrivacyConsent(PRIVACY_CONSENT_VERSION));
      setThanked(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card consent-notice" aria-labelledby="consent-notice-title" data-testid="consent-notice">
      <h2 id="consent-notice-title">{t('privacy.consentRequired')}</h2>
      <p>{status.consents.length > 0 ? t('privacy.consentRenewed') : t('privacy.consentNew')}</p>
      <ConsentText />
      <button type="button" className="button" disabled={busy} onClick={() => void agree()} lang={lang}>
        {t('privacy.agreeButton')}
      </button>
      <ErrorNote error={error} />
    </section>
  );
}
