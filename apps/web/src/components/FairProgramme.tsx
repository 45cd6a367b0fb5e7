import { Link } from 'react-router';
import type { ProgrammeItem } from '@bisang/contracts';
import { api } from '../api/client';
import { dayKey, formatDate, formatTime } from '../format';
import { useI18n } from '../i18n/i18n';

/** What is still to come on a fair's programme (the items that have not ended), in time order. */
export const upcomingProgramme = (fairId: string): Promise<ProgrammeItem[]> => api.programme(fairId, new Date().toISOString()).then((p) => p.items);

/** Items grouped by their day in the fair's zone, in time order. */
export function byFairDay(items: readonly ProgrammeItem[], timeZone: string): { day: string; items: ProgrammeItem[] }[] {
  const days = new Map<string, ProgrammeItem[]>();
  for (const item of items) {
    const key = dayKey(item.startsAt, timeZone);
    days.set(key, [...(days.get(key) ?? []), item]);
  }
  return [...days].map(([day, list]) => ({ day, items: list }));
}

/** The fair's programme (기업설명회, 특강, …) as the fair home lists it: by day, times in the fair's zone. */
export function FairProgramme({ items, timeZone }: { items: readonly ProgrammeItem[]; timeZone: string }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="programme-title" data-testid="programme">
      <h2 id="programme-title">{t('programme.title')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('programme.none')}</p>
      ) : (
        byFairDay(items, timeZone).map(({ day, items: list }) => (
          <div key={day} className="programme-day">
            <h3>{formatDate(list[0]!.startsAt, timeZone, lang)}</h3>
            <ul className="plain cards">
              {list.map((item) => (
                <li key={item.id} className="card programme-item" data-testid="programme-item">
                  <p className="programme-time">
                    <time dateTime={item.startsAt}>{formatTime(item.startsAt, timeZone, lang)}</time>–<time dateTime={item.endsAt}>{formatTime(item.endsAt, timeZone, lang)}</time>{' '}
                    <span className="tag">{t(`programme.kind.${item.kind}`)}</span>
                  </p>
                  <p className="programme-title">{item.title}</p>
                  {item.companyId && item.companyName && (
                    <p className="small">
                      <Link to={`/companies/${item.companyId}`}>{item.companyName}</Link>
                    </p>
                  )}
                  {item.description && <p className="muted small">{item.description}</p>}
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
