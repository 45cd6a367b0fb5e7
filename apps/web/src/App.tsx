import type { ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import type { UserRole } from '@bisang/contracts';
import { useAuth } from './auth/auth';
import { Layout } from './components/Layout';
import { useI18n } from './i18n/i18n';
import { SignIn, SignUp } from './pages/Auth';
import { AcceptInvitation, ForgotPassword, ResetPassword, VerifyEmail } from './pages/AccountMail';
import { BoothList } from './pages/BoothList';
import { BoothPage } from './pages/BoothPage';
import { FairHome } from './pages/FairHome';
import { FairsIndex } from './pages/FairsIndex';
import { PostingDetail } from './pages/PostingDetail';
import { Search } from './pages/Search';
import { lazyPage } from './components/lazyPage';

// The coaching booking page and the session room (its WebRTC call and chat) are opened by some people at some
// moments, never on arrival: in their own chunks, so a phone on a slow network gets to the fair home sooner.
const CoachingPage = lazyPage(() => import('./pages/Coaching').then((m) => m.Coaching));
const RoomPage = lazyPage(() => import('./pages/Room').then((m) => m.RoomPage));
// The role consoles come in their own chunks (a visitor never downloads them).
const CoachConsole = lazyPage(() => import('./pages/CoachConsole').then((m) => m.CoachConsole));
const OrganizerFair = lazyPage(() => import('./pages/OrganizerFair').then((m) => m.OrganizerFair));
const OrganizerFairs = lazyPage(() => import('./pages/OrganizerFairs').then((m) => m.OrganizerFairs));
const RecruiterConsole = lazyPage(() => import('./pages/RecruiterConsole').then((m) => m.RecruiterConsole));
// Signed-in pages too: the fair's public pages load without them.
const MyApplications = lazyPage(() => import('./pages/MyApplications').then((m) => m.MyApplications));
const MyBookings = lazyPage(() => import('./pages/MyBookings').then((m) => m.MyBookings));
const MyNotifications = lazyPage(() => import('./pages/MyNotifications').then((m) => m.MyNotifications));
const MyProfile = lazyPage(() => import('./pages/MyProfile').then((m) => m.MyProfile));
const MyAccount = lazyPage(() => import('./pages/MyAccount').then((m) => m.MyAccount));
const MySaved = lazyPage(() => import('./pages/MySaved').then((m) => m.MySaved));
const CompanyPage = lazyPage(() => import('./pages/CompanyPage').then((m) => m.CompanyPage));
const CompanyEdit = lazyPage(() => import('./pages/CompanyEdit').then((m) => m.CompanyEdit));
const OpenQueueDashboard = lazyPage(() => import('./pages/QueueDashboard').then((m) => m.OpenQueueDashboard));
const AccountDeleted = lazyPage(() => import('./pages/MyAccount').then((m) => m.AccountDeleted));

/** Pages for one role: signed-out people go to sign in (and come back), others are told plainly. */
function RequireRole({ roles, children }: { roles: UserRole[]; children: ReactNode }) {
  const { user, restoring } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  if (restoring) return <p className="muted" role="status">{t('common.loading')}</p>;
  if (!user) return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  if (!roles.includes(user.role)) {
    return (
      <div className="stack">
        <h1>{t('error.forbiddenTitle')}</h1>
        <p>{t('error.forbidden')}</p>
      </div>
    );
  }
  return <>{children}</>;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="stack">
      <h1>{t('error.notFoundTitle')}</h1>
      <p>
        <Link to="/">{t('nav.fairs')}</Link>
      </p>
    </div>
  );
}

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<FairsIndex />} />
        <Route path="fairs/:slug" element={<FairHome />} />
        <Route path="fairs/:slug/booths" element={<BoothList />} />
        <Route path="fairs/:slug/postings" element={<Search />} />
        <Route path="fairs/:slug/coaching" element={<CoachingPage />} />
        <Route path="booths/:boothId" element={<BoothPage />} />
        <Route path="postings/:postingId" element={<PostingDetail />} />
        <Route path="companies/:companyId" element={<CompanyPage />} />
        <Route path="companies/:companyId/edit" element={<RequireRole roles={['recruiter']}><CompanyEdit /></RequireRole>} />
        <Route path="signin" element={<SignIn />} />
        <Route path="signup" element={<SignUp />} />
        <Route path="account-deleted" element={<AccountDeleted />} />
        <Route path="verify-email" element={<VerifyEmail />} />
        <Route path="invitations/accept" element={<RequireRole roles={['recruiter']}><AcceptInvitation /></RequireRole>} />
        <Route path="forgot-password" element={<ForgotPassword />} />
        <Route path="reset-password" element={<ResetPassword />} />
        <Route path="me/bookings" element={<RequireRole roles={['seeker']}><MyBookings /></RequireRole>} />
        <Route path="me/applications" element={<RequireRole roles={['seeker']}><MyApplications /></RequireRole>} />
        <Route path="me/saved" element={<RequireRole roles={['seeker']}><MySaved /></RequireRole>} />
        <Route path="me/profile" element={<RequireRole roles={['seeker']}><MyProfile /></RequireRole>} />
        <Route path="me/account" element={<RequireRole roles={['seeker', 'recruiter', 'coach', 'organizer']}><MyAccount /></RequireRole>} />
        <Route path="me/notifications" element={<RequireRole roles={['seeker', 'recruiter', 'coach', 'organizer']}><MyNotifications /></RequireRole>} />
        <Route path="organizer" element={<RequireRole roles={['organizer']}><OrganizerFairs /></RequireRole>} />
        <Route path="organizer/queues" element={<RequireRole roles={['organizer']}><OpenQueueDashboard /></RequireRole>} />
        <Route path="organizer/fairs/:fairId" element={<RequireRole roles={['organizer']}><OrganizerFair /></RequireRole>} />
        <Route path="recruiter" element={<RequireRole roles={['recruiter']}><RecruiterConsole /></RequireRole>} />
        <Route path="rooms/:bookingId" element={<RequireRole roles={['seeker', 'coach', 'recruiter']}><RoomPage /></RequireRole>} />
        <Route path="coach" element={<RequireRole roles={['coach']}><CoachConsole /></RequireRole>} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
