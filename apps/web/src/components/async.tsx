import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { readServerMessage, serverMessageText } from '../i18n/server-messages';

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
  const { t, lang } = useI18n();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.status === 0) return t('error.network');
      // The server says why (a wrong password is not "sign in first"); its words, in the reader's language.
      if (error.messages.length) return error.messages.map((m) => serverMessageText(m, lang)).join(' · ');
      if (error.status === 401) return t('error.signIn');
      return t('error.generic');
    }
    return t('error.generic');
  };
}

/**
 * Feedback next to the action that caused it: an error (role="alert") or a success (role="status"), brought
 * into view when it appears, so that on a phone it is not rendered above the viewport.
 */
export function ErrorNote({ error, id }: { error: unknown; id?: string }) {
  const text = useErrorText();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (error) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);
  if (!error) return null;
  return (
    <p className="note note-error" role="alert" ref={ref} id={id}>
      {text(error)}
    </p>
  );
}

/** A success message beside the button that caused it, announced politely and brought into view. */
export function OkNote({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (children) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [children]);
  return (
    <div role="status" aria-live="polite" className="feedback-slot">
      {children ? (
        <p className="note note-ok" ref={ref}>
          {children}
        </p>
      ) : null}
    </div>
  );
}

export interface FieldErrors {
  /** Props for the input of `field`: aria-invalid and aria-describedby pointing at its message. */
  input: (field: string, describedBy?: string) => { 'aria-invalid'?: true; 'aria-describedby'?: string };
  /** The message shown beside the field (or nothing). */
  message: (field: string) => ReactNode;
  /** The error without the messages shown beside fields (null when nothing is left). */
  rest: unknown;
}

/**
 * Splits a validation error among the form's fields: each message that names one of `fields` is shown beside
 * it, in the reader's language; what is left goes to the form's ErrorNote.
 */
export function useFieldErrors(error: unknown, fields: readonly string[], idPrefix = 'err'): FieldErrors {
  const { lang } = useI18n();
  const byField = new Map<string, string[]>();
  let rest: unknown = error;
  if (error instanceof ApiError && error.messages.length) {
    const left: string[] = [];
    for (const m of error.messages) {
      const read = readServerMessage(m, lang);
      if (read.field && fields.includes(read.field)) byField.set(read.field, [...(byField.get(read.field) ?? []), read.text]);
      else left.push(m);
    }
    rest = left.length ? new ApiError(error.status, error.code, left) : null;
  }
  const idOf = (field: string) => `${idPrefix}-${field}`;
  return {
    rest,
    input: (field, describedBy) => {
      const ids = [describedBy, byField.has(field) ? idOf(field) : undefined].filter(Boolean).join(' ');
      return { ...(byField.has(field) ? { 'aria-invalid': true as const } : {}), ...(ids ? { 'aria-describedby': ids } : {}) };
    },
    message: (field) =>
      byField.has(field) ? (
        <p className="field-error" id={idOf(field)} role="alert">
          {byField.get(field)!.join(' ')}
        </p>
      ) : null,
  };
}

/** Loading, error and content, in one place for every page. */
export function Loaded<T>({ state, children }: { state: AsyncState<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (state.error) return <ErrorNote error={state.error} />;
  if (state.data === undefined) return <p className="muted" role="status">{t('common.loading')}</p>;
  return <>{children(state.data)}</>;
}
