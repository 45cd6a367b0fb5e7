import { Link } from 'react-router';
import type { Posting, PostingView } from '@bisang/contracts';
import { daysLeft, formatDate, formatSalary } from '../format';
import { useI18n } from '../i18n/i18n';
import { useJobCategories } from './useJobCategories';

/** A posting's card: one read over HTTP carries its labels; one brought by a feed event is labelled here. */
export function PostingCard({
  posting,
  fresh = false,
  headingLevel = 3,
  timeZone = 'Asia/Seoul',
}: {
  posting: Posting | PostingView;
  fresh?: boolean;
  headingLevel?: 2 | 3;
  /** The fair's zone, for the closing date. */
  timeZone?: string;
}) {
  const { t, lang, label } = useI18n();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const salary = formatSalary(posting.salaryMin, posting.salaryMax, lang);
  const categories = useJobCategories();
  const labelled = 'jobCategoryLabel' in posting ? posting : null;
  const category = label(labelled?.jobCategoryLabel ?? categories?.jobCategories.find((c) => c.code === posting.jobCategory), posting.jobCategory);
  const type = labelled ? label(labelled.employmentTypeLabel) : t(`employment.${posting.employmentType}`);
  return (
    <article className={`card posting${fresh ? ' fresh' : ''}`} data-testid="posting-card" data-posting-id={posting.id}>
      <H className="card-title">
        <Link to={`/postings/${posting.id}`}>{posting.title}</Link>
      </H>
      <p className="company">{posting.companyName}</p>
      <ul className="tags" aria-label={t('posting.facts')}>
        <li className="tag">{type}</li>
        {category && <li className="tag">{category}</li>}
        {posting.location && <li className="tag">{posting.location}</li>}
        <li className="tag">{t('posting.openings', { n: posting.openings })}</li>
        {salary && <li className="tag">{salary}</li>}
      </ul>
      {posting.closesAt && posting.status !== 'closed' && (
        <p className="deadline" data-testid="posting-deadline">
          <span className="dday">{daysLeft(posting.closesAt) === 0 ? t('posting.ddayToday') : t('posting.dday', { n: daysLeft(posting.closesAt) })}</span> {t('posting.closesOn', { date: formatDate(posting.closesAt, timeZone, lang) })}
        </p>
      )}
      {fresh && <span className="badge-new">{t('feed.new')}</span>}
    </article>
  );
}

