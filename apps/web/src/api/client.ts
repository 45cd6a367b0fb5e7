/**
 * The one typed client of the Bisang HTTP API (/api/v1). Access tokens live in memory only; the refresh
 * token and the current access token are kept in localStorage so a reload or a second tab stays signed in
 * without spending the refresh token. A 401 on a signed-in call refreshes once (single-flight within the tab
 * and across tabs, since a refresh token works only once) and retries.
 */
import type {
  AnnouncementCreated,
  CompanyImage,
  CompanyPage,
  CompanyPageInput,
  ProgrammeItem,
  ProgrammeItemInput,
  SavedPosting,
  SavedState,
  PrivacyConsentStatus,
  BoothChatSettings,
  ChatInvitationInput,
  ChatReview,
  ChatReviewInput,
  ChatSlotOffer,
  CounsellingNote,
  Introduction,
  IntroductionInput,
  KpiTargets,
  KpiTargetsInput,
  MyPoolInvitation,
  PoolInvitation,
  PoolInvitationInput,
  PoolChatInvitationInput,
  PooledSeeker,
  Recommendations,
  TalentPoolEntry,
  TalentPoolInput,
  TalentPoolQuery,
  Chat,
  ChatEnded,
  ChatMessage,
  QueueEntry,
  QueuePosition,
  StaffQueue,
  ApplicationDetail,
  Application,
  AuthResponse,
  AvailabilityInput,
  AvailabilityResult,
  Booking,
  RoomEntry,
  Booth,
  ChangeStatusInput,
  Company,
  CompanyInvitation,
  CreateBoothInput,
  CreateCompanyInput,
  CreateFairInput,
  Announcement as AnnouncementItem,
  UpdateAnnouncementInput,
  FairSummary,
  UpdateFairInput,
  FairCoach,
  FairCoachStatus,
  MyInvitation,
  StaffMember,
  Fair,
  FeedPage,
  FollowUp,
  FollowUpDays,
  Hire,
  HireTerms,
  JobCategories,
  Kpis,
  MyBooths,
  NotificationPage,
  NotificationQuery,
  Page,
  Posting,
  PostingInput,
  PostingQuery,
  ProfileInput,
  ReadAllResult,
  RegisterInput,
  Resume,
  ReviewInput,
  SeekerProfile,
  Slot,
  StaffApplication,
  StaffApplicationDetail,
  StoredNotification,
  TokenPair,
  User,
  WaitlistEntry,
  WithdrawnSlot,
} from '@bisang/contracts';

export const API_BASE = '/api/v1';
const REFRESH_KEY = 'bisang.refreshToken';
/** The current access token and when it expires, shared by the tabs so a reload or a new tab need not refresh. */
const ACCESS_KEY = 'bisang.accessToken';
const REFRESH_LOCK = 'bisang.refresh';
/** An access token this close to its expiry is not worth using any more. */
const EXPIRY_MARGIN_MS = 5_000;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: string[],
  ) {
    super(messages.join('\n') || code);
  }

}

type Listener = () => void;

interface StoredAccess {
  token: string;
  /** Epoch milliseconds, from the token's own `exp`. */
  expiresAt: number;
}

/** The `exp` of a JWT in epoch ms (0 when it cannot be read: such a token is treated as expired). */
function expiryOf(jwt: string): number {
  try {
    const payload = jwt.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * Where the session lives. The refresh token and the current access token are written to localStorage
 * synchronously the moment a new pair arrives, before anyone is told, so a page load that starts at any later
 * instant finds the new pair and never sends the spent refresh token again.
 */
class TokenStore {
  private access: string | null = null;
  private listeners = new Set<Listener>();

  constructor() {
    // Another tab rotated or ended the session: follow it.
    if (typeof window !== 'undefined') {
      window.addEventListener('storage', (e) => {
        if (e.key !== REFRESH_KEY && e.key !== ACCESS_KEY && e.key !== null) return;
        const stored = this.storedAccess();
        if (!this.refreshToken) this.access = null;
        else if (stored) this.access = stored;
        this.emit();
      });
    }
  }

  get accessToken(): string | null {
    return this.access;
  }

  get refreshToken(): string | null {
    return readStorage(REFRESH_KEY);
  }

  /** The access token stored by this tab's last load or by another tab, when it is still good for a while. */
  storedAccess(): string | null {
    const raw = readStorage(ACCESS_KEY);
    if (!raw || !this.refreshToken) return null;
    try {
      const stored = JSON.parse(raw) as StoredAccess;
      return typeof stored.token === 'string' && stored.expiresAt - EXPIRY_MARGIN_MS > Date.now() ? stored.token : null;
    } catch {
      return null;
    }
  }

  /** Uses an access token found in storage (no refresh token is spent). */
  adopt(accessToken: string): void {
    this.access = accessToken;
    this.emit();
  }

  set(pair: TokenPair | null): void {
    this.access = pair?.accessToken ?? null;
    try {
      if (pair) {
        localStorage.setItem(REFRESH_KEY, pair.refreshToken);
        localStorage.setItem(ACCESS_KEY, JSON.stringify({ token: pair.accessToken, expiresAt: expiryOf(pair.accessToken) } satisfies StoredAccess));
      } else {
        localStorage.removeItem(REFRESH_KEY);
        localStorage.removeItem(ACCESS_KEY);
      }
    } catch {
      // storage unavailable (private mode): the session simply ends with the tab
    }
    this.emit();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

export const tokens = new TokenStore();

let refreshing: Promise<boolean> | null = null;

/** Runs `task` holding the tabs' refresh lock (Web Locks), or directly where the browser has none. */
function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  return locks ? (locks.request(REFRESH_LOCK, task) as Promise<T>) : task();
}

/**
 * Makes sure this tab holds a working access token, spending the stored refresh token only when no tab has a
 * newer access token than `stale` (the one that was refused, or none on start-up). Single-flight within the
 * tab and, through a Web Lock, across tabs: a refresh token works once, and sending a spent one revokes the
 * whole session. False (and signed out) only when the server refused the refresh token.
 */
export function refreshSession(stale: string | null = null): Promise<boolean> {
  if (tokens.accessToken && tokens.accessToken !== stale) return Promise.resolve(true); // refreshed meanwhile
  if (refreshing) return refreshing;
  if (!tokens.refreshToken) return Promise.resolve(false);
  refreshing = withRefreshLock(async () => {
    // Another tab, or an earlier load of this one, may have refreshed while we waited for the lock.
    const stored = tokens.storedAccess();
    if (stored && stored !== stale) {
      tokens.adopt(stored);
      return true;
    }
    const refreshToken = tokens.refreshToken;
    if (!refreshToken) return false;
    try {
      const res = await fetch(`${API_BASE}/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
      if (!res.ok) {
        if (tokens.refreshToken === refreshToken) tokens.set(null);
        return false;
      }
      const pair = (await res.json()) as TokenPair;
      if (!tokens.refreshToken) return false; // signed out while the answer was on its way
      tokens.set(pair);
      return true;
    } catch {
      return false;
    }
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON, or a FormData sent as multipart (file uploads). */
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string>;
}

async function toError(res: Response): Promise<ApiError> {
  let body: { code?: string; message?: string | string[] } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON: keep the status alone
  }
  const messages = Array.isArray(body.message) ? body.message : body.message ? [body.message] : [];
  return new ApiError(res.status, body.code ?? `HTTP_${res.status}`, messages);
}

async function request<T>(path: string, options: RequestOptions = {}, retried = false): Promise<T> {
  const url = new URL(`${API_BASE}${path}`, window.location.origin);
  for (const [k, v] of Object.entries(options.query ?? {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const multipart = options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['content-type'] = 'application/json';
  const token = tokens.accessToken;
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(url, { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : multipart ? (options.body as FormData) : JSON.stringify(options.body) });
  } catch {
    throw new ApiError(0, 'NETWORK', []);
  }
  if (res.status === 401 && !retried && tokens.refreshToken && (await refreshSession(token))) {
    return request<T>(path, options, true);
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const enc = encodeURIComponent;

export const api = {
  // Booth chat
  joinQueue: (boothId: string) => request<QueueEntry>(`/booths/${enc(boothId)}/queue`, { method: 'POST', body: {} }),
  leaveQueue: (boothId: string) => request<void>(`/booths/${enc(boothId)}/queue`, { method: 'DELETE' }),
  queuePosition: (boothId: string) => request<QueuePosition>(`/booths/${enc(boothId)}/queue`),
  staffQueue: (boothId: string) => request<StaffQueue>(`/booths/${enc(boothId)}/queue`),
  takeNextChat: (boothId: string) => request<Chat | undefined>(`/booths/${enc(boothId)}/chats/next`, { method: 'POST', body: {} }),
  myChats: () => request<Page<Chat>>('/me/chats', { query: { limit: 100 } }),
  chat: (chatId: string) => request<Chat>(`/chats/${enc(chatId)}`),
  postChatMessage: (chatId: string, body: string) => request<ChatMessage>(`/chats/${enc(chatId)}/messages`, { method: 'POST', body: { body } }),
  endChat: (chatId: string) => request<ChatEnded>(`/chats/${enc(chatId)}/end`, { method: 'POST', body: {} }),
  chatReview: (chatId: string) => request<ChatReview>(`/chats/${enc(chatId)}/review`),
  saveChatReview: (chatId: string, review: ChatReviewInput) => request<ChatReview>(`/chats/${enc(chatId)}/review`, { method: 'PUT', body: review }),
  inviteFromChat: (chatId: string, input: ChatInvitationInput) => request<PoolInvitation>(`/chats/${enc(chatId)}/invitations`, { method: 'POST', body: input }),
  offerSlotInChat: (chatId: string, slotId: string) => request<ChatSlotOffer>(`/chats/${enc(chatId)}/slot-offers`, { method: 'POST', body: { slotId } }),
  boothChatSettings: (boothId: string) => request<BoothChatSettings>(`/booths/${enc(boothId)}/chat-settings`),
  setBoothChatSettings: (boothId: string, chatMinutes: number) =>
    request<BoothChatSettings>(`/booths/${enc(boothId)}/chat-settings`, { method: 'PUT', body: { chatMinutes } }),
  /** A seeker's profile as booth staff see it while the seeker is queued or chatting at the booth (404 otherwise). */
  seekerProfile: (seekerId: string) => request<SeekerProfile>(`/seekers/${enc(seekerId)}/profile`),
  // accounts
  register: (input: RegisterInput) =>
    request<AuthResponse>('/auth/register', { method: 'POST', body: input }),
  login: (email: string, password: string) => request<AuthResponse>('/auth/login', { method: 'POST', body: { email, password } }),
  me: () => request<User>('/me'),
  /** Ends this session on the server (its refresh token, access tokens and sockets). */
  logout: (refreshToken: string) => request<void>('/auth/logout', { method: 'POST', body: { refreshToken } }),
  logoutEverywhere: () => request<void>('/auth/logout-all', { method: 'POST', body: {} }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('/me/password', { method: 'POST', body: { currentPassword, newPassword } }),
  updateMe: (input: { language: 'ko' | 'en' }) => request<User>('/me', { method: 'PATCH', body: input }),
  /** Trades the organizer's token for the queue dashboard's cookie (set on /admin/queues by the answer). */
  openQueueDashboard: () => request<{ dashboard: string; expiresAt: string }>('/admin/queues/session', { method: 'POST', body: {} }),
  privacyConsents: () => request<PrivacyConsentStatus>('/me/privacy-consents'),
  agreePrivacyConsent: (version: string) => request<PrivacyConsentStatus>('/me/privacy-consents', { method: 'PUT', body: { version } }),
  /** Deletes the seeker's account after the password; every session ends (this one included). */
  deleteAccount: (password: string) => request<void>('/me/delete', { method: 'POST', body: { password } }),
  verifyEmail: (token: string) => request<void>('/auth/verify-email', { method: 'POST', body: { token } }),
  resendVerification: () => request<void>('/auth/verify-email/resend', { method: 'POST', body: {} }),
  requestPasswordReset: (email: string) => request<void>('/auth/password-reset/request', { method: 'POST', body: { email } }),
  confirmPasswordReset: (token: string, password: string) =>
    request<void>('/auth/password-reset/confirm', { method: 'POST', body: { token, password } }),

  // fairs
  fairs: (cursor?: string) => request<Page<Fair>>('/fairs', { query: { limit: 100, cursor } }),
  fair: (idOrSlug: string) => request<Fair>(`/fairs/${enc(idOrSlug)}`),
  createFair: (input: CreateFairInput) => request<Fair>('/fairs', { method: 'POST', body: input }),
  updateFair: (fairId: string, patch: UpdateFairInput) => request<Fair>(`/fairs/${enc(fairId)}`, { method: 'PATCH', body: patch }),
  fairSummary: (fairId: string) => request<FairSummary>(`/fairs/${enc(fairId)}/summary`),
  publishFair: (fairId: string) => request<Fair>(`/fairs/${enc(fairId)}/publish`, { method: 'POST', body: {} }),
  announcements: (fairId: string) => request<Page<AnnouncementItem>>(`/fairs/${enc(fairId)}/announcements`, { query: { limit: 50 } }),
  updateAnnouncement: (id: string, patch: UpdateAnnouncementInput) =>
    request<AnnouncementItem>(`/announcements/${enc(id)}`, { method: 'PATCH', body: patch }),
  withdrawAnnouncement: (id: string) => request<void>(`/announcements/${enc(id)}`, { method: 'DELETE' }),
  announce: (fairId: string, title: string, body: string) =>
    request<AnnouncementCreated>(`/fairs/${enc(fairId)}/announcements`, { method: 'POST', body: { title, body } }),
  feed: (fairId: string, since: number, limit = 100) => request<FeedPage>(`/fairs/${enc(fairId)}/feed`, { query: { since, limit } }),

  // companies and booths
  myCompanies: () => request<Company[]>('/companies/mine'),
  createCompany: (input: CreateCompanyInput) => request<Company>('/companies', { method: 'POST', body: input }),
  companyStaff: (companyId: string) => request<{ items: StaffMember[] }>(`/companies/${enc(companyId)}/staff`),
  leaveCompany: (companyId: string) => request<void>(`/companies/${enc(companyId)}/staff/me`, { method: 'DELETE' }),
  inviteStaff: (companyId: string, email: string) =>
    request<{ id: string; status: 'pending' }>(`/companies/${enc(companyId)}/invitations`, { method: 'POST', body: { email } }),
  companyInvitations: (companyId: string) => request<Page<CompanyInvitation>>(`/companies/${enc(companyId)}/invitations`),
  cancelInvitation: (companyId: string, invitationId: string) =>
    request<void>(`/companies/${enc(companyId)}/invitations/${enc(invitationId)}`, { method: 'DELETE' }),
  myInvitations: () => request<Page<MyInvitation>>('/me/invitations'),
  acceptInvitation: (invitationId: string) =>
    request<{ id: string; status: 'accepted'; companyId: string }>(`/invitations/${enc(invitationId)}/accept`, { method: 'POST', body: {} }),
  acceptInvitationByLink: (token: string) =>
    request<{ id: string; status: 'accepted'; companyId: string }>('/invitations/accept', { method: 'POST', body: { token } }),
  declineInvitation: (invitationId: string) => request<unknown>(`/invitations/${enc(invitationId)}/decline`, { method: 'POST', body: {} }),
  booths: (fairId: string, status?: 'pending' | 'rejected' | 'suspended', cursor?: string) =>
    request<Page<Booth>>(`/fairs/${enc(fairId)}/booths`, { query: { status, cursor, limit: 100 } }),
  booth: (boothId: string) => request<Booth>(`/booths/${enc(boothId)}`),
  applyForBooth: (fairId: string, input: CreateBoothInput) =>
    request<Booth>(`/fairs/${enc(fairId)}/booths`, { method: 'POST', body: input }),
  reapplyBooth: (boothId: string, input: { headline: string; description?: string }) =>
    request<Booth>(`/booths/${enc(boothId)}/reapply`, { method: 'POST', body: input }),
  approveBooth: (boothId: string) => request<Booth>(`/booths/${enc(boothId)}/approve`, { method: 'POST', body: {} }),
  suspendBooth: (boothId: string, reason: string) => request<Booth>(`/booths/${enc(boothId)}/suspend`, { method: 'POST', body: { reason } }),
  rejectBooth: (boothId: string, reason: string) => request<Booth>(`/booths/${enc(boothId)}/reject`, { method: 'POST', body: { reason } }),

  // postings
  jobCategories: () => request<JobCategories>('/job-categories'),
  postings: (fairId: string, filters: PostingQuery = {}) =>
    request<Page<Posting>>(`/fairs/${enc(fairId)}/postings`, { query: { limit: 20, ...filters } }),
  posting: (postingId: string) => request<Posting>(`/postings/${enc(postingId)}`),
  boothPostings: (boothId: string) => request<Posting[]>(`/booths/${enc(boothId)}/postings`),
  createPosting: (boothId: string, input: PostingInput) => request<Posting>(`/booths/${enc(boothId)}/postings`, { method: 'POST', body: input }),
  /** Staff change a posting that is not closed (a published one too); null clears an optional field. */
  updatePosting: (
    postingId: string,
    patch: Partial<Pick<PostingInput, 'title' | 'description' | 'jobCategory' | 'employmentType' | 'openings'>> & {
      location?: string | null;
      salaryMin?: number | null;
      salaryMax?: number | null;
      closesAt?: string | null;
    },
  ) => request<Posting>(`/postings/${enc(postingId)}`, { method: 'PATCH', body: patch }),
  publishPosting: (postingId: string) => request<Posting>(`/postings/${enc(postingId)}/publish`, { method: 'POST', body: {} }),
  closePosting: (postingId: string) => request<Posting>(`/postings/${enc(postingId)}/close`, { method: 'POST', body: {} }),

  // coaching
  slots: (fairId: string, query: { from?: string; to?: string; coachId?: string; available?: boolean; cursor?: string }) =>
    request<Page<Slot>>(`/fairs/${enc(fairId)}/coaching/slots`, { query: { limit: 100, ...query } }),
  publishAvailability: (fairId: string, input: AvailabilityInput) =>
    request<AvailabilityResult>(`/fairs/${enc(fairId)}/coaching/availability`, { method: 'POST', body: input }),
  myFairCoachStatus: (fairId: string) =>
    request<{ fairId: string; coachId: string; status: FairCoachStatus | 'none' }>(`/fairs/${enc(fairId)}/coaches/me`),
  askToCoach: (fairId: string) =>
    request<{ fairId: string; coachId: string; status: FairCoachStatus }>(`/fairs/${enc(fairId)}/coaches/me`, { method: 'POST', body: {} }),
  fairCoaches: (fairId: string, status?: FairCoachStatus) => request<Page<FairCoach>>(`/fairs/${enc(fairId)}/coaches`, { query: { status } }),
  approveCoach: (fairId: string, coachId: string) =>
    request<unknown>(`/fairs/${enc(fairId)}/coaches/${enc(coachId)}/approve`, { method: 'POST', body: {} }),
  withdrawSlot: (slotId: string) => request<WithdrawnSlot>(`/coaching/slots/${enc(slotId)}/withdraw`, { method: 'POST', body: {} }),
  book: (slotId: string, idempotencyKey: string) =>
    request<Booking>('/coaching/bookings', { method: 'POST', body: { slotId }, headers: { 'idempotency-key': idempotencyKey } }),
  booking: (bookingId: string) => request<Booking>(`/coaching/bookings/${enc(bookingId)}`),
  myBookings: () => request<Page<Booking>>('/me/coaching/bookings', { query: { limit: 100 } }),
  cancelBooking: (bookingId: string) => request<Booking>(`/coaching/bookings/${enc(bookingId)}/cancel`, { method: 'POST', body: {} }),
  completeBooking: (bookingId: string, feedback?: string) =>
    request<Booking>(`/coaching/bookings/${enc(bookingId)}/complete`, { method: 'POST', body: feedback ? { feedback } : {} }),
  /** The booking's session room (POST: it is made on first entry); 409 ROOM_NOT_OPEN outside its window. */
  enterRoom: (bookingId: string) => request<RoomEntry>(`/coaching/bookings/${enc(bookingId)}/room`, { method: 'POST', body: {} }),
  /** Its seeker shows (or stops showing) their resume to the coach of a coaching booking. */
  shareResume: (bookingId: string, shared: boolean) =>
    request<Booking>(`/coaching/bookings/${enc(bookingId)}/resume-sharing`, { method: 'PUT', body: { shared } }),
  noShowBooking: (bookingId: string) => request<Booking>(`/coaching/bookings/${enc(bookingId)}/no-show`, { method: 'POST', body: {} }),
  joinWaitlist: (fairId: string, coachId: string, date: string) =>
    request<WaitlistEntry>(`/fairs/${enc(fairId)}/coaching/waitlist`, { method: 'POST', body: { coachId, date } }),

  // interview slots of a booth: published by its recruiters, booked by its applicants in the interview stage
  interviewSlots: (boothId: string, query: { from?: string; available?: boolean; cursor?: string } = {}) =>
    request<Page<Slot>>(`/booths/${enc(boothId)}/interview-slots`, { query: { limit: 100, ...query } }),
  publishInterviewAvailability: (boothId: string, input: AvailabilityInput) =>
    request<AvailabilityResult>(`/booths/${enc(boothId)}/interview-slots/availability`, { method: 'POST', body: input }),

  myBooths: (fairId?: string) => request<MyBooths>('/me/booths', { query: { fairId } }),

  // applications and outcomes
  apply: (postingId: string, coverLetter?: string) =>
    request<Application>(`/postings/${enc(postingId)}/applications`, { method: 'POST', body: coverLetter ? { coverLetter } : {} }),
  myApplications: () => request<Page<Application>>('/me/applications', { query: { limit: 100 } }),
  application: (applicationId: string) => request<ApplicationDetail>(`/applications/${enc(applicationId)}`),
  boothApplications: (boothId: string, postingId?: string) =>
    request<Page<StaffApplication>>(`/booths/${enc(boothId)}/applications`, { query: { limit: 100, postingId } }),
  moveApplication: (applicationId: string, status: ChangeStatusInput['status'], hire?: HireTerms) =>
    request<ApplicationDetail>(`/applications/${enc(applicationId)}/status`, { method: 'POST', body: (hire ? { status, hire } : { status }) satisfies ChangeStatusInput }),
  acceptOffer: (applicationId: string) => request<ApplicationDetail>(`/applications/${enc(applicationId)}/offer/accept`, { method: 'POST', body: {} }),
  declineOffer: (applicationId: string) => request<ApplicationDetail>(`/applications/${enc(applicationId)}/offer/decline`, { method: 'POST', body: {} }),
  reviewApplication: (applicationId: string, review: ReviewInput) =>
    request<StaffApplication>(`/applications/${enc(applicationId)}/review`, { method: 'PATCH', body: review }),
  correctHire: (applicationId: string, terms: HireTerms) =>
    request<Hire>(`/applications/${enc(applicationId)}/hire`, { method: 'PATCH', body: terms }),
  undoHire: (applicationId: string) => request<StaffApplicationDetail>(`/applications/${enc(applicationId)}/hire/undo`, { method: 'POST', body: {} }),
  answerFollowUp: (applicationId: string, days: FollowUpDays, stillEmployed: boolean) =>
    request<FollowUp>(`/applications/${enc(applicationId)}/follow-ups/${days}`, { method: 'POST', body: { stillEmployed } }),
  kpis: (fairId: string) => request<Kpis>(`/fairs/${enc(fairId)}/kpis`),

  // profiles, resumes and stored notifications
  myProfile: () => request<SeekerProfile>('/me/profile'),
  saveProfile: (input: ProfileInput) => request<SeekerProfile>('/me/profile', { method: 'PUT', body: input }),
  uploadResume: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<Resume>('/me/resume', { method: 'PUT', body: form });
  },
  notifications: (query: NotificationQuery = {}) =>
    request<NotificationPage>('/me/notifications', { query: { limit: 50, ...query } }),
  markNotificationRead: (id: number) => request<StoredNotification>(`/me/notifications/${id}/read`, { method: 'POST', body: {} }),
  markAllNotificationsRead: () => request<ReadAllResult>('/me/notifications/read-all', { method: 'POST', body: {} }),

  // matching: recommendations, the talent pool, invitations and the centre's introductions
  recommendations: (fairId: string, limit = 6) => request<Recommendations>(`/fairs/${enc(fairId)}/recommendations`, { query: { limit } }),
  myPoolEntry: (fairId: string) => request<TalentPoolEntry>(`/me/talent-pool/${enc(fairId)}`),
  setPoolEntry: (input: TalentPoolInput) => request<TalentPoolEntry>('/me/talent-pool', { method: 'PUT', body: input }),
  talentPool: (fairId: string, query: TalentPoolQuery = {}) =>
    request<Page<PooledSeeker>>(`/fairs/${enc(fairId)}/talent-pool`, { query: { limit: 20, ...query } }),
  inviteFromPool: (fairId: string, seekerId: string, input: PoolInvitationInput) =>
    request<PoolInvitation>(`/fairs/${enc(fairId)}/talent-pool/${enc(seekerId)}/invitations`, { method: 'POST', body: input }),
  inviteToChatFromPool: (fairId: string, seekerId: string, input: PoolChatInvitationInput) =>
    request<PoolInvitation>(`/fairs/${enc(fairId)}/talent-pool/${enc(seekerId)}/chat-invitations`, { method: 'POST', body: input }),
  myPoolInvitations: () => request<Page<MyPoolInvitation>>('/me/pool-invitations', { query: { limit: 100 } }),
  answerPoolInvitation: (invitationId: string, answer: 'accept' | 'decline') =>
    request<MyPoolInvitation>(`/pool-invitations/${enc(invitationId)}/${answer}`, { method: 'POST', body: {} }),
  myIntroductions: () => request<Page<Introduction>>('/me/introductions', { query: { limit: 100 } }),
  answerIntroduction: (introductionId: string, answer: 'accept' | 'decline') =>
    request<Introduction>(`/introductions/${enc(introductionId)}/${answer}`, { method: 'POST', body: {} }),
  introduce: (fairId: string, input: IntroductionInput) =>
    request<Introduction>(`/fairs/${enc(fairId)}/introductions`, { method: 'POST', body: input }),
  fairIntroductions: (fairId: string) => request<Page<Introduction>>(`/fairs/${enc(fairId)}/introductions`, { query: { limit: 100 } }),
  addCounsellingNote: (seekerId: string, body: string) =>
    request<CounsellingNote>(`/seekers/${enc(seekerId)}/counselling-notes`, { method: 'POST', body: { body } }),
  setKpiTargets: (fairId: string, targets: KpiTargetsInput) => request<KpiTargets>(`/fairs/${enc(fairId)}/kpi-targets`, { method: 'PUT', body: targets }),

  // saved postings (스크랩)
  savePosting: (postingId: string) => request<SavedState>(`/postings/${enc(postingId)}/saved`, { method: 'PUT', body: {} }),
  unsavePosting: (postingId: string) => request<void>(`/postings/${enc(postingId)}/saved`, { method: 'DELETE' }),
  savedState: (postingId: string) => request<SavedState>(`/postings/${enc(postingId)}/saved`),
  savedPostings: (cursor?: string) => request<Page<SavedPosting>>('/me/saved-postings', { query: { limit: 100, cursor } }),

  // the fair's programme
  programme: (fairIdOrSlug: string, from?: string) => request<Page<ProgrammeItem>>(`/fairs/${enc(fairIdOrSlug)}/programme`, { query: { limit: 100, from } }),
  addProgrammeItem: (fairId: string, input: ProgrammeItemInput) => request<ProgrammeItem>(`/fairs/${enc(fairId)}/programme`, { method: 'POST', body: input }),
  updateProgrammeItem: (itemId: string, input: ProgrammeItemInput) => request<ProgrammeItem>(`/programme/${enc(itemId)}`, { method: 'PATCH', body: input }),
  removeProgrammeItem: (itemId: string) => request<void>(`/programme/${enc(itemId)}`, { method: 'DELETE' }),

  // company pages
  companyPage: (companyId: string) => request<CompanyPage>(`/companies/${enc(companyId)}`),
  updateCompanyPage: (companyId: string, input: CompanyPageInput) => request<CompanyPage>(`/companies/${enc(companyId)}`, { method: 'PATCH', body: input }),
  verifyBusinessNumber: (companyId: string) => request<CompanyPage>(`/companies/${enc(companyId)}/business-number/verify`, { method: 'POST', body: {} }),
  uploadCompanyImage: (companyId: string, kind: 'logo' | 'photo', file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return kind === 'logo'
      ? request<CompanyImage>(`/companies/${enc(companyId)}/logo`, { method: 'PUT', body: form })
      : request<CompanyImage>(`/companies/${enc(companyId)}/photos`, { method: 'POST', body: form });
  },
  removeCompanyImage: (companyId: string, imageId: string) => request<void>(`/companies/${enc(companyId)}/images/${enc(imageId)}`, { method: 'DELETE' }),
};

/** Where the CSV exports of a fair are served (organizers). */
export const exportUrls = (fairId: string) => ({
  hires: `${API_BASE}/fairs/${enc(fairId)}/exports/hires.csv`,
  applications: `${API_BASE}/fairs/${enc(fairId)}/exports/applications.csv`,
});

/** Where a resume's PDF is served (its seeker, and staff of booths the seeker applied to). */
/** The signed-in user's data, as the JSON file `GET /me/data-export` serves. */
export const dataExportUrl = `${API_BASE}/me/data-export`;

export const resumeUrl = (resumeId: string) => `${API_BASE}/resumes/${enc(resumeId)}/file`;

/** Downloads a signed-in file (a CSV export) and hands it to the browser under `filename`. */
export async function downloadFile(path: string, filename: string, retried = false): Promise<void> {
  const token = tokens.accessToken;
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (res.status === 401 && !retried && (await refreshSession(token))) return downloadFile(path, filename, true);
  if (!res.ok) throw await toError(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
