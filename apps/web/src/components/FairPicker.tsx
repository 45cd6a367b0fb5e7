import { useEffect } from 'react';
import { api } from '../api/client';
import type { Fair, User } from '@bisang/contracts';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import { Loaded, useAsync } from './async';

const KEY = 'bisang.consoleFair';
const keyOf = (userId: string | undefined) => (userId ? `${KEY}.${userId}` : KEY);

function readSaved(userId: string | undefined): string | null {
  try {
    return localStorage.getItem(keyOf(userId)) ?? localStorage.getItem(KEY);
  } catch {
    return null; // storage unavailable
  }
}

/** The fairs where this user works: a recruiter's booths, a coach's standing (asked, approved). */
async function fairsOfMine(user: User | null, fairs: Fair[]): Promise<Set<string>> {
  if (!user) return new Set();
  try {
    if (user.role === 'recruiter') return new Set((await api.myBooths()).items.map((b) => b.fairId));
    if (user.role === 'coach') {
      const standings = await Promise.all(fairs.map((f) => api.myFairCoachStatus(f.id).catch(() => null)));
      return new Set(standings.filter((s) => s && s.status !== 'none').map((s) => s!.fairId));
    }
  } catch {
    // without it the order below still holds
  }
  return new Set();
}

const liveFirst = (a: Fair, b: Fair) =>
  Number(b.status === 'live') - Number(a.status === 'live') || a.startsAt.localeCompare(b.startsAt);

/**
 * Lets a recruiter or coach pick the fair they work on; published fairs only. The first choice is the one they
 * made last time (remembered per user), else a fair where they have a booth or coach, live before upcoming,
 * else the live fair: a newly published future fair never takes a recruiter away from their booth.
 */
export function FairPicker({ value, onChange }: { value: Fair | null; onChange: (f: Fair | null) => void }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const state = useAsync(async () => {
    const fairs: Fair[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await api.fairs(cursor);
      fairs.push(...res.items);
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
    }
    const open = fairs.filter((f) => f.status !== 'draft' && f.status !== 'closed').sort(liveFirst);
    const mine = await fairsOfMine(user, open);
    return { fairs: open, mine };
  }, [user?.id]);
  useEffect(() => {
    if (value || !state.data?.fairs.length) return;
    const { fairs, mine } = state.data;
    const saved = readSaved(user?.id);
    onChange(fairs.find((f) => f.id === saved) ?? fairs.find((f) => mine.has(f.id)) ?? fairs[0]!);
  }, [state.data, value, onChange, user?.id]);
  return (
    <Loaded state={state}>
      {({ fairs, mine }) =>
        fairs.length === 0 ? (
          <p className="muted">{t('home.noFairs')}</p>
        ) : (
          <div className="field inline-field">
            <label htmlFor="fair-picker">{t('console.fair')}</label>
            <select
              id="fair-picker"
              value={value?.id ?? ''}
              onChange={(e) => {
                const f = fairs.find((x) => x.id === e.target.value) ?? null;
                try {
                  if (f) localStorage.setItem(keyOf(user?.id), f.id);
                } catch {
                  // storage unavailable
                }
                onChange(f);
              }}
            >
              {fairs.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.title} · {t(`fairStatus.${f.status}`)}
                  {mine.has(f.id) ? ` · ${t(user?.role === 'coach' ? 'console.mineCoach' : 'console.mineBooth')}` : ''}
                </option>
              ))}
            </select>
          </div>
        )
      }
    </Loaded>
  );
}
