import { useState } from 'react';
import { api } from '../api/client';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import { ErrorNote, OkNote, useAsync } from './async';

/** A seeker's 스크랩 toggle for a posting (a pressed button), with its feedback beside it. */
export function SavePostingButton({ postingId }: { postingId: string }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const state = useAsync(async () => (user?.role === 'seeker' ? (await api.savedState(postingId)).saved : false), [user?.id, postingId]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (user?.role !== 'seeker' || state.data === undefined) return null;
  const saved = state.data;
  const toggle = async () => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      if (saved) await api.unsavePosting(postingId);
      else await api.savePosting(postingId);
      state.setData(() => !saved);
      setNote(t(saved ? 'saved.removedNote' : 'saved.added'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="stack">
      <p>
        <button type="button" className="button button-secondary save-toggle" aria-pressed={saved} disabled={busy} onClick={() => void toggle()} data-testid="save-posting">
          <span aria-hidden="true">{saved ? '★' : '☆'}</span>&nbsp;{t('saved.save')}
        </button>
      </p>
      <OkNote>{note}</OkNote>
      <ErrorNote error={error} />
    </div>
  );
}
