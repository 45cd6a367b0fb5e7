import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { Loaded, useAsync } from '../components/async';
import { PostingCard } from '../components/PostingCard';
import { BoothChatPanel } from '../components/BoothChatPanel';
import { upcomingProgramme } from '../components/FairProgramme';
import { formatDateTime, formatNumber, formatTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { useBoothPresence, useFairFeed, useResync } from '../realtime/hooks';

/** The booth's postings, and its company's coming briefings: what the page shows and re-reads live. */
const boothPostings = (fairId: string, boothId: string) => api.postings(fairId, { boothId, limit: 100 }).then((p) => p.items);
const boothBriefings = (fairId: string, boothId: string) => upcomingProgramme(fairId).then((items) => items.filter((i) => i.boothId === boothId));

export function BoothPage() {
  const { boothId = '' } = useParams();
  const { t, lang } = useI18n();
  const presence = useBoothPresence(boothId);
  const state = useAsync(async () => {
    const booth = await api.booth(boothId);
    const [fair, postings, briefings] = await Promise.all([
      api.fair(booth.fairId),
      boothPostings(booth.fairId, boothId),
      boothBriefings(booth.fairId, boothId).catch(() => []),
    ]);
    return { booth, fair, postings, briefings };
  }, [boothId]);
  // Live: the booth's postings and its company's briefings are re-read when the fair's feed says they changed, and
  // after a drop. The feed is followed from the event the page was first read at.
  const fairId = state.data?.fair.id;
  const since = useRef<number | undefined>(undefined);
  if (state.data && since.current === undefined) since.current = state.data.fair.lastEventId;
  const reread = (what: 'postings' | 'briefings') => {
    if (!fairId) return;
    const read = what === 'postings' ? boothPostings(fairId, boothId) : boothBriefings(fairId, boothId);
    read.then((items) => state.setData((prev) => (prev ? { ...prev, [what]: items } : prev)), () => undefined);
  };
  useFairFeed(fairId, since.current, (e) => {
    if (e.type === 'programme.changed') reread('briefings');
    else if ((e.type === 'posting.published' || e.type === 'posting.updated' || e.type === 'posting.closed') && e.data.posting.boothId === boothId) reread('postings');
  });
  useResync(() => {
    reread('postings');
    reread('briefings');
  });
  return (
    <Loaded state={state}>
      {({ booth, fair, postings, briefings }) => (
        <div className="stack">
          <p className="crumbs">
            <Link to={`/fairs/${fair.slug}`}>{fair.title}</Link> › <Link to={`/fairs/${fair.slug}/booths`}>{t('booths.title')}</Link>
          </p>
          <section className="hero">
            <h1>{booth.companyName}</h1>
            <p className="lead">{booth.headline}</p>
            {booth.description && <p>{booth.description}</p>}
            <p>
              <Link to={`/companies/${booth.companyId}`} data-testid="company-link">
                {t('company.about')}
              </Link>
            </p>
            <dl className="counters small-counters" aria-live="polite">
              <div>
                <dt>{t('booth.visitors')}</dt>
                <dd data-testid="visitors">{presence ? formatNumber(presence.visitors, lang) : '–'}</dd>
              </div>
              <div>
                <dt>{t('booth.recruiters')}</dt>
                <dd data-testid="recruiters-online">{presence ? formatNumber(presence.recruitersOnline, lang) : '–'}</dd>
              </div>
            </dl>
          </section>
          {briefings.length > 0 && (
            <section aria-labelledby="booth-briefings" className="card">
              <h2 id="booth-briefings">{t('programme.boothBriefings')}</h2>
              <ul className="plain" data-testid="booth-briefings">
                {briefings.map((i) => (
                  <li key={i.id}>
                    <strong>{formatDateTime(i.startsAt, fair.timezone, lang)}–{formatTime(i.endsAt, fair.timezone, lang)}</strong> {i.title}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {fair.status === 'live' && booth.status === 'approved' && <BoothChatPanel boothId={booth.id} companyName={booth.companyName} />}
          <section aria-labelledby="booth-postings">
            <h2 id="booth-postings">{t('booth.postings')}</h2>
            {postings.length === 0 ? (
              <p className="muted">{t('feed.empty')}</p>
            ) : (
              <div className="cards">
                {postings.map((p) => (
                  <PostingCard key={p.id} posting={p} />
                ))}
              </div>
            )}
          </section>
        </div>
      )}
    </Loaded>
  );
}
