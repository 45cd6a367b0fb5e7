import { useState, type FormEvent } from 'react';
import type { Booth } from '@bisang/contracts';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ErrorNote, useFieldErrors } from './async';

/** A rejected booth applies again: the headline and description changed as the reason asked. */
export function ReapplyBooth({ booth, onDone }: { booth: Booth; onDone: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fe = useFieldErrors(error, ['headline', 'description'], 'reapply-err');
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setError(null);
    setBusy(true);
    try {
      await api.reapplyBooth(booth.id, { headline: String(data.get('headline')).trim(), description: String(data.get('description')).trim() || undefined });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-labelledby="reapply-title" data-testid="reapply-booth">
      <h3 id="reapply-title">{t('reapply.title')}</h3>
      <p className="muted">{t('reapply.hint')}</p>
      <div className="field">
        <label htmlFor="r-headline">{t('rec.headline')}</label>
        <input id="r-headline" name="headline" required maxLength={200} defaultValue={booth.headline} {...fe.input('headline')} />
        {fe.message('headline')}
      </div>
      <div className="field">
        <label htmlFor="r-description">{t('rec.description')}</label>
        <textarea id="r-description" name="description" rows={3} maxLength={5000} defaultValue={booth.description ?? ''} {...fe.input('description')} />
        {fe.message('description')}
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t('reapply.submit')}
      </button>
      <ErrorNote error={fe.rest} />
    </form>
  );
}
