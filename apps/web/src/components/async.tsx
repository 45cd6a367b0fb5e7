import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (update: (prev: T | undefined) => T | undefined) => void;
}

/** Loads data for a page; `reload` fetches again, `setData` applies live changes locally. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    loader
      .current()
      .then((d) => {
        if (cancelled) return;
        setDataState(d);
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(e))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const setData = useCallback((update: (prev: T | undefined) => T | undefined) => setDataState(update), []);
  return { data, error, loading, reload, setData };
}

/** A person-readable message for an API error, in the current language. */
export function useErrorText(): (error: unknown) => string {
  const { t, serverText } = useI18n();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.status === 0) return t('error.network');
      if (error.status === 401) return t('error.signIn');
      if (error.messages.length) return error.messages.map(serverText).join(' · ');
      return t('error.generic');
    }
    return t('error.generic');
  };
}

export function ErrorNote({ error }: { error: unknown }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <p className="note note-error" role="alert">
      {text(error)}
    </p>
  );
}

/** Loading, error and content, in one place for every page. */
export function Loaded<T>({ state, children }: { state: AsyncState<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (state.error) return <ErrorNote error={state.error} />;
  if (state.data === undefined) return <p className="muted" role="status">{t('common.loading')}</p>;
  return <>{children(state.data)}</>;
}
