import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Fair, FairSummary, FeedEvent, Posting, PostingView, ProgrammeItem } from '@bisang/contracts';
import { api } from '../api/client';
import { Loaded, useAsync } from '../components/async';
import { FairProgramme, upcomingProgramme } from '../components/FairProgramme';
import { PostingCard } from '../components/PostingCard';
import { Recommendations } from '../components/Recommendations';
import { useAuth } from '../auth/auth';
import { daysLeft, formatDateTime, formatNumber, formatPercent } from '../format';
import { useI18n } from '../i18n/i18n';
import { useFairFeed, useResync } from '../realtime/hooks';

const HIGHLIGHT_MS = 6000;

/** An announcement as the home page shows it: its id, time, and what it says now. */
interface Announcement {
  id: string;
  title: string;
  body: string;
  at: string;
}

type AnnouncementEvent = Extract<FeedEvent, { type: 'announcement' }>;

/** The fair's current announcements (edited text, withdrawn ones left out). */
async function recentAnnouncements(fair: Fair): Promise<Announcement[]> {
  const page = await api.announcements(fair.id);
  return page.items.map((a) => ({ id: a.id, title: a.title, body: a.body, at: a.createdAt }));
}

const toAnnouncement = (e: AnnouncementEvent): Announcement => ({ id: e.data.announcementId ?? `feed-${e.id}`, at: e.at, title: e.data.title, body: e.data.body });

/** A posting on the home page: read over HTTP (with its labels), or as a feed event brought it (the public view). */
type HomePosting = Posting | PostingView;

interface HomeData {
  fair: Fair;
  postings: HomePosting[];
  morePostings: boolean;
  /** True totals from the server (not the number of loaded items), re-read as the feed moves. */
  summary: FairSummary;
  announcements: Announcement[];
  /** What is still to come on the fair's programme (기업설명회 and other items). */
  programme: ProgrammeItem[];
}

export function FairHome() {
  const { slug = '' } = useParams();
  const state = useAsync<HomeData>(async () => {
    const fair = await api.fair(slug);
    const [postings, summary, announcements, programme] = await Promise.all([
      api.postings(fair.id, { limit: 12 }),
      api.fairSummary(fair.id),
      recentAnnouncements(fair).catch(() => []),
      upcomingProgramme(fair.id).catch(() => []),
    ]);
    return { fair, postings: postings.items, morePostings: postings.nextCursor !== null, summary, announcements, programme };
  }, [slug]);
  return <Loaded state={state}>{(data) => <FairHomeView data={data} onChange={state.setData} />}</Loaded>;
}

function FairHomeView({ data, onChange }: { data: HomeData; onChange: (u: (prev: HomeData | undefined) => HomeData | undefined) => void }) {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const { fair } = data;
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [arrived, setArrived] = useState(0);
  /** New postings not yet looked at (the "새 공고 N건" bar on a phone). */
  const [unseen, setUnseen] = useState(0);
  const feedRef = useRef<HTMLElement>(null);
  // The totals are the server's: re-read them when the feed says something counted changed, and after a drop.
  const refreshSummary = () => {
    api.fairSummary(fair.id).then(
      (summary) => onChange((prev) => (prev ? { ...prev, summary } : prev)),
      () => undefined,
    );
  };
  // The programme is re-read when an organizer changes it (`programme.changed` on the feed) and after a drop.
  const refreshProgramme = () => {
    upcomingProgramme(fair.id).then(
      (programme) => onChange((prev) => (prev ? { ...prev, programme } : prev)),
      () => undefined,
    );
  };
  useResync(() => {
    refreshSummary();
    refreshProgramme();
  });
  const showNew = () => {
    setUnseen(0);
    feedRef.current?.scrollIntoView({ block: 'start' });
    feedRef.current?.focus({ preventScroll: true });
  };

  useFairFeed(fair.id, fair.lastEventId, (e) => {
    onChange((prev) => {
      if (!prev) return prev;
      switch (e.type) {
        case 'posting.published': {
          const { posting } = e.data;
          if (prev.postings.some((p) => p.id === posting.id)) return prev;
          return { ...prev, postings: [posting, ...prev.postings] };
        }
        case 'posting.updated': {
          const { posting } = e.data;
          return { ...prev, postings: prev.postings.map((p) => (p.id === posting.id ? { ...p, ...posting } : p)) };
        }
        case 'posting.closed': {
          const { posting } = e.data;
          return { ...prev, postings: prev.postings.filter((p) => p.id !== posting.id) };
        }
        case 'booth.suspended': {
          const { boothId } = e.data;
          return { ...prev, postings: prev.postings.filter((p) => p.boothId !== boothId) };
        }
        case 'announcement':
          if (prev.announcements.some((a) => a.id === e.data.announcementId)) return prev;
          return { ...prev, announcements: [toAnnouncement(e), ...prev.announcements] };
        case 'announcement.updated': {
          const { announcementId, title, body } = e.data;
          return { ...prev, announcements: prev.announcements.map((a) => (a.id === announcementId ? { ...a, title, body } : a)) };
        }
        case 'announcement.withdrawn':
          return { ...prev, announcements: prev.announcements.filter((a) => a.id !== e.data.announcementId) };
        case 'fair.opened':
          return { ...prev, fair: { ...prev.fair, status: 'live' } };
        case 'fair.closed':
          return { ...prev, fair: { ...prev.fair, status: 'closed' } };
        default:
          return prev;
      }
    });
    if (e.type === 'posting.published' || e.type === 'posting.closed' || e.type.startsWith('booth.')) refreshSummary();
    if (e.type === 'programme.changed') refreshProgramme();
    if (e.type === 'posting.published') {
      const id = e.data.posting.id;
      setArrived((n) => n + 1);
      setUnseen((n) => n + 1);
      setFresh((s) => new Set(s).add(id));
      setTimeout(() => setFresh((s) => {
        const next = new Set(s);
        next.delete(id);
        return next;
      }), HIGHLIGHT_MS);
    }
  });

  const left = daysLeft(fair.endsAt);
  const status =
    fair.status === 'scheduled'
      ? t('fair.startsIn', { n: daysLeft(fair.startsAt) })
      : fair.status === 'closed'
        ? t('fair.closed')
        : fair.status === 'draft'
          ? t('fairStatus.draft')
          : t('fair.daysLeft', { n: left });

  const { summary } = data;
  const progress = summary.hiringTarget > 0 ? Math.min(1, summary.hires / summary.hiringTarget) : 0;

  return (
    <div className="stack">
      {unseen > 0 && (
        <div className="new-postings-bar" data-testid="new-postings-bar">
          <button type="button" onClick={showNew}>
            {t('feed.newBar', { n: unseen })}
          </button>
        </div>
      )}
      <section className="hero" aria-labelledby="fair-title">
        <p className="eyebrow">{t(`fairStatus.${fair.status}`)}</p>
        <h1 id="fair-title">{fair.title}</h1>
        <p className="hero-dates" data-testid="fair-schedule">
          <span className="visually-hidden">{t('fair.schedule')}: </span>
          {formatDateTime(fair.startsAt, fair.timezone, lang)} – {formatDateTime(fair.endsAt, fair.timezone, lang)}
        </p>
        {fair.description && (
          <p className="hero-description" data-testid="fair-description">
            {fair.description}
          </p>
        )}
        <p className="hero-days" data-testid="days-left">
          {status}
        </p>
        <nav aria-label={t('fair.sections')} className="fair-nav">
          <Link className="button" to={`/fairs/${fair.slug}/postings`}>
            {t('nav.search')}
          </Link>
          <Link className="button button-secondary" to={`/fairs/${fair.slug}/booths`}>
            {t('nav.booths')}
          </Link>
          <Link className="button button-secondary" to={`/fairs/${fair.slug}/coaching`}>
            {t('nav.coaching')}
          </Link>
        </nav>
      </section>

      <section aria-labelledby="counters-title">
        <h2 id="counters-title" className="visually-hidden">
          {t('fair.counters')}
        </h2>
        <div className="hires-progress" data-testid="hires-progress">
          <p>
            <strong>{t('fair.hiresSoFar', { n: formatNumber(summary.hires, lang), target: formatNumber(summary.hiringTarget, lang) })}</strong>{' '}
            <span className="muted">({formatPercent(progress, lang)})</span>
          </p>
          <div className="progress-track" aria-hidden="true">
            <div className="progress-fill" style={{ width: `${progress * 100}%` }} />
          </div>
        </div>
        <dl className="counters">
          <div>
            <dt>{t('fair.counterTarget')}</dt>
            <dd>{formatNumber(summary.hiringTarget, lang)}</dd>
          </div>
          <div>
            <dt>{t('fair.counterBooths')}</dt>
            <dd data-testid="booth-count">{formatNumber(summary.booths, lang)}</dd>
          </div>
          <div>
            <dt>{t('fair.counterPostings')}</dt>
            <dd data-testid="posting-count">{formatNumber(summary.postings, lang)}</dd>
          </div>
          <div>
            <dt>{t('fair.counterNew')}</dt>
            <dd data-testid="new-count">{formatNumber(arrived, lang)}</dd>
          </div>
        </dl>
      </section>

      {user?.role === 'seeker' && <Recommendations fairId={fair.id} />}

      <div className="columns">
        <section aria-labelledby="feed-title" className="feed" ref={feedRef} tabIndex={-1} onFocus={() => setUnseen(0)}>
          <h2 id="feed-title">{t('feed.title')}</h2>
          <p className="muted">{t('feed.hint')}</p>
          <div aria-live="polite" aria-relevant="additions" className="cards" data-testid="feed">
            {data.postings.length === 0 && <p className="muted">{t('feed.empty')}</p>}
            {data.postings.map((p) => (
              <PostingCard key={p.id} posting={p} fresh={fresh.has(p.id)} timeZone={fair.timezone} />
            ))}
          </div>
          {data.morePostings && (
            <p>
              <Link to={`/fairs/${fair.slug}/postings`}>{t('feed.all')}</Link>
            </p>
          )}
        </section>
        <div className="stack">
        <FairProgramme items={data.programme} timeZone={fair.timezone} />
        <section aria-labelledby="ann-title" className="announcements">
          <h2 id="ann-title">{t('announcements.title')}</h2>
          {data.announcements.length === 0 ? (
            <p className="muted">{t('announcements.none')}</p>
          ) : (
            <ul className="plain" data-testid="announcements">
              {data.announcements.map((a) => (
                <li key={a.id} className="card">
                  <h3 className="card-title">{a.title}</h3>
                  <p className="muted small">{formatDateTime(a.at, fair.timezone, lang)}</p>
                  <p>{a.body}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
        </div>
      </div>
    </div>
  );
}
