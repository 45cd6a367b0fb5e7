import { Suspense, lazy, type ComponentType } from 'react';
import { useI18n } from '../i18n/i18n';

function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

/**
 * A page loaded on first visit, in its own chunk: the consoles of recruiters, coaches and organizers are not in
 * the bundle every visitor downloads.
 */
export function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  };
}
