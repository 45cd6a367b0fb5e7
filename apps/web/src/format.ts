/** Dates and times in the fair's time zone, Korean style first ("2026년 5월 9일 (월) 오후 2:00"). */
import type { Lang } from './i18n/i18n';

const locale = (lang: Lang) => (lang === 'ko' ? 'ko-KR' : 'en-GB');

/** The Korean date as the app writes it everywhere: `2026년 5월 9일 (월)`. */
function koreanDate(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('ko-KR', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}년 ${get('month')}월 ${get('day')}일 (${get('weekday')})`;
}

export function formatDateTime(iso: string, timeZone: string, lang: Lang): string {
  if (lang === 'ko') return `${koreanDate(iso, timeZone)} ${formatTime(iso, timeZone, lang)}`;
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function formatDate(iso: string, timeZone: string, lang: Lang): string {
  if (lang === 'ko') return koreanDate(iso, timeZone);
  return new Intl.DateTimeFormat(locale(lang), { timeZone, year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }).format(
    new Date(iso),
  );
}

export function formatTime(iso: string, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayKey(iso: string | Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole days from now until `iso` (0 on the last day), never negative. */
export function daysLeft(iso: string, now = Date.now()): number {
  return Math.max(0, Math.ceil((new Date(iso).getTime() - now) / 86_400_000));
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

export function formatPercent(fraction: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** Salary in 만원 for Korean readers, in won otherwise. */
export function formatSalary(min: number | null, max: number | null, lang: Lang): string | null {
  if (min == null && max == null) return null;
  const one = (v: number) => (lang === 'ko' ? `${new Intl.NumberFormat('ko-KR').format(Math.round(v / 10_000))}만원` : `₩${new Intl.NumberFormat('en-GB').format(v)}`);
  if (min != null && max != null) return `${one(min)} – ${one(max)}`;
  return one((min ?? max)!);
}

/**
 * The UTC instant of a wall-clock time ("YYYY-MM-DDTHH:mm") in a time zone, for forms that ask for
 * times in the fair's zone whatever the browser's own zone is.
 */
export function zonedToUtc(local: string, timeZone: string): Date {
  const asIfUtc = new Date(`${local}:00Z`);
  // The zone's offset at that moment, found by formatting the guess back in the zone (twice near a DST change).
  let guess = asIfUtc.getTime();
  for (let i = 0; i < 2; i++) {
    const shown = new Date(new Date(guess).toLocaleString('en-US', { timeZone })).getTime();
    const asUtc = new Date(new Date(guess).toLocaleString('en-US', { timeZone: 'UTC' })).getTime();
    guess = asIfUtc.getTime() - (shown - asUtc);
  }
  return new Date(guess);
}

/** The wall-clock time ("YYYY-MM-DDTHH:mm") of a UTC instant in a time zone: what a datetime-local field shows. */
export function utcToZonedInput(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const FAIR_ORDER: Record<string, number> = { live: 0, scheduled: 1, draft: 2, closed: 3 };

/**
 * Fairs as people look for them: the live one first, then upcoming ones (soonest first), drafts, and closed
 * ones (latest first).
 */
export function fairsLiveFirst<F extends { status: string; startsAt: string; endsAt: string }>(fairs: readonly F[]): F[] {
  return [...fairs].sort((a, b) => {
    const byStatus = (FAIR_ORDER[a.status] ?? 9) - (FAIR_ORDER[b.status] ?? 9);
    if (byStatus !== 0) return byStatus;
    if (a.status === 'closed') return b.endsAt.localeCompare(a.endsAt);
    return a.startsAt.localeCompare(b.startsAt);
  });
}
