import { useState } from 'react';
import type { Booking } from '@bisang/contracts';
import { downloadFile, resumeUrl } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ErrorNote } from './async';
import { useJobCategories } from './useJobCategories';

/**
 * Whom a coach or interviewer meets: name, age, desired job groups, and the resume when the seeker consents
 * (shared on a coaching booking, or applied to the interviewer's company); otherwise it says the resume is not shared.
 */
export function SeekerSummary({ seeker }: { seeker: NonNullable<Booking['seeker']> }) {
  const { t, label } = useI18n();
  const categories = useJobCategories();
  const [error, setError] = useState<unknown>(null);
  const groups = seeker.desiredJobCategories
    .map((code) => categories?.jobCategories.find((c) => c.code === code))
    .filter((c) => c !== undefined)
    .map((c) => label(c));
  return (
    <div data-testid="session-seeker">
      <p>
        <strong>{seeker.name}</strong>
        {seeker.age !== null && ` · ${t('rec.age', { age: seeker.age })}`}
        {groups.length > 0 && ` · ${t('sessions.wants', { groups: groups.join(', ') })}`}
      </p>
      {seeker.resumeId ? (
        <button
          type="button"
          className="linklike small"
          data-testid="session-resume"
          onClick={() => {
            setError(null);
            void downloadFile(resumeUrl(seeker.resumeId!), `${seeker.name}-resume.pdf`).catch(setError);
          }}
        >
          {t('sessions.resume', { name: seeker.name })}
        </button>
      ) : (
        <p className="small muted" data-testid="session-no-resume">
          {t('sessions.noResume')}
        </p>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
