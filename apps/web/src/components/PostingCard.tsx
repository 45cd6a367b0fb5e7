import { Link } from 'react-router';
import type { Posting } from '../api/types';
import { formatSalary } from '../format';
import { useI18n } from '../i18n/i18n';
import { useJobCategories } from './useJobCategories';

export function PostingCard({ posting, fresh = false, headingLevel = 3 }: { posting: Posting; fresh?: boolean; headingLevel?: 2 | 3 }) {
  const { t, lang, label } = useI18n();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const salary = formatSalary(posting.salaryMin, posting.salaryMax, lang);
  const categories = useJobCategories();
  const category = label(posting.jobCategoryLabel ?? categories?.jobCategories.find((c) => c.code === posting.jobCategory), posting.jobCategory);
  const type = posting.employmentTypeLabel ? label(posting.employmentTypeLabel) : t(`employment.${posting.employmentType}`);
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
      {fresh && <span className="badge-new">{t('feed.new')}</span>}
    </article>
  );
}
