import type { Booking } from '@bisang/contracts';
import type { Translate } from '../i18n/i18n';
import { isMessageKey } from '../i18n/ko';

/** The rejection reason of a booking, in plain words. */
export function reasonText(reason: string | undefined, t: Translate): string {
  const key = `reason.${reason ?? ''}`;
  return isMessageKey(key) ? t(key) : t('reason.unknown');
}

export function bookingStatusText(b: Pick<Booking, 'status'>, t: Translate): string {
  return t(`booking.${b.status}`);
}
