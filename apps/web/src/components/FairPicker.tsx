import { useEffect } from 'react';
import { api } from '../api/client';
import type { Fair } from '@bisang/contracts';
import { useI18n } from '../i18n/i18n';
import { Loaded, useAsync } from './async';

const KEY = 'bisang.consoleFair';

/** Lets a recruiter or coach pick the fair they work on (remembered); published fairs only. */
export function FairPicker({ value, onChange }: { value: Fair | null; onChange: (f: Fair | null) => void }) {
  const { t } = useI18n();
  const state = useAsync(async () => {
    const fairs: Fair[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await api.fairs(cursor);
      fairs.push(...res.items);
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
    }
    return fairs.filter((f) => f.status !== 'draft' && f.status !== 'closed');
  }, []);
  useEffect(() => {
    if (value || !state.data?.length) return;
    let saved: string | null = null;
    try {
      saved = localStorage.getItem(KEY);
    } catch {
      // storage unavailable
    }
    onChange(state.data.find((f) => f.id === saved) ?? state.data[0]!);
  }, [state.data, value, onChange]);
  return (
    <Loaded state={state}>
      {(fairs) =>
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
                  if (f) localStorage.setItem(KEY, f.id);
                } catch {
                  // storage unavailable
                }
                onChange(f);
              }}
            >
              {fairs.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.title}
                </option>
              ))}
            </select>
          </div>
        )
      }
    </Loaded>
  );
}
