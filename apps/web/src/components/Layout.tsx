import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useEffect, useRef } from 'react';
import { useAuth } from '../auth/auth';
import { api } from '../api/client';
import { LANGS, useI18n, type Lang } from '../i18n/i18n';
import { VerificationNotice } from '../pages/AccountMail';
import { useConnectionState, useNotifications, useResync } from '../realtime/hooks';
import { fairSocket } from '../realtime/fair-socket';
import { NotificationToasts } from './NotificationToasts';
import { ConsentNotice } from './PrivacyConsent';
import { unreadCount, useUnreadCount } from './unread';

export function LiveIndicator() {
  const { t } = useI18n();
  const state = useConnectionState();
  return (
    <span className={`live live-${state}`} role="status" aria-live="polite" data-testid="live-indicator" data-state={state}>
      <span className="live-dot" aria-hidden="true" />
      {t(`live.${state}`)}
    </span>
  );
}

export function LanguageSwitch() {
  const { lang, setLang: setUiLang, t } = useI18n();
  const { user } = useAuth();
  // A signed-in user's choice is also the language of their mail.
  const setLang = (l: Lang) => {
    setUiLang(l);
    if (user && user.language !== l) void api.updateMe({ language: l }).catch(() => undefined);
  };
  return (
    <div className="lang" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button key={l} type="button" className="lang-btn" aria-pressed={lang === l} onClick={() => setLang(l)} lang={l}>
          {l === 'ko' ? '한국어' : 'English'}
        </button>
      ))}
    </div>
  );
}

export function Layout() {
  const { t } = useI18n();
  const { user, signOut } = useAuth();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);

  // After signing in or out the socket reconnects with the new identity and follows its notifications.
  useEffect(() => fairSocket.signedInAs(user?.id ?? null), [user]);
  // The unread badge: read when someone signs in, again with each notification that arrives and when the
  // connection is back after a drop.
  useEffect(() => {
    if (user) void unreadCount.refresh();
    else unreadCount.set(0);
  }, [user]);
  useNotifications(() => void unreadCount.refresh());
  useResync(() => user && void unreadCount.refresh());
  const unread = useUnreadCount();
  // Move focus to the page on navigation, as a page load would, for keyboard and screen-reader users.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="bar">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">飛</span>
            {t('app.name')}
          </Link>
          <LiveIndicator />
          <LanguageSwitch />
        </div>
        <nav aria-label={t('nav.main')} className="nav">
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.fairs')}
              </NavLink>
            </li>
            {user?.role === 'seeker' && (
              <>
                <li>
                  <NavLink to="/me/bookings">{t('nav.myBookings')}</NavLink>
                </li>
                <li>
                  <NavLink to="/me/applications">{t('nav.myApplications')}</NavLink>
                </li>
                <li>
                  <NavLink to="/me/saved">{t('nav.saved')}</NavLink>
                </li>
                <li>
                  <NavLink to="/me/profile">{t('nav.profile')}</NavLink>
                </li>
              </>
            )}
            {user?.role === 'organizer' && (
              <li>
                <NavLink to="/organizer">{t('nav.organizer')}</NavLink>
              </li>
            )}
            {user?.role === 'recruiter' && (
              <li>
                <NavLink to="/recruiter">{t('nav.recruiter')}</NavLink>
              </li>
            )}
            {user?.role === 'coach' && (
              <li>
                <NavLink to="/coach">{t('nav.coach')}</NavLink>
              </li>
            )}
            {user && (
              <li>
                <NavLink to="/me/notifications" data-testid="nav-notifications">
                  {t('nav.notifications')}
                  {unread > 0 && (
                    <span className="badge" data-testid="unread-count">
                      {unread}
                      <span className="visually-hidden"> {t('notifications.unread')}</span>
                    </span>
                  )}
                </NavLink>
              </li>
            )}
            {user ? (
              <li className="nav-user">
                <span className="muted">{t('nav.signedInAs', { name: user.name })}</span>
                <NavLink to="/me/account">{t('nav.account')}</NavLink>
                <button type="button" className="linklike" onClick={() => void signOut()}>
                  {t('nav.signOut')}
                </button>
              </li>
            ) : (
              <>
                <li className="nav-user">
                  <NavLink to="/signin">{t('nav.signIn')}</NavLink>
                </li>
                <li>
                  <NavLink to="/signup">{t('nav.signUp')}</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <VerificationNotice />
        <ConsentNotice />
        <Outlet />
      </main>
      <NotificationToasts />
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
