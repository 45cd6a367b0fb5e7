import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { JobCategories } from '@bisang/contracts';

let cached: Promise<JobCategories> | null = null;

/** KECO major groups and employment types with their labels, fetched once per page load. */
export function useJobCategories(): JobCategories | null {
  const [value, setValue] = useState<JobCategories | null>(null);
  useEffect(() => {
    let live = true;
    cached ??= api.jobCategories().catch((e: unknown) => {
      cached = null;
      throw e;
    });
    cached.then((v) => live && setValue(v)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return value;
}
