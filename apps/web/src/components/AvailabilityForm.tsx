import type { FormEvent } from 'react';
import { zonedToUtc } from '../format';
import { useI18n } from '../i18n/i18n';

/** A window of availability as the API takes it: instants in UTC, cut into slots of `slotMinutes`. */
export interface AvailabilityWindow {
  startsAt: string;
  endsAt: string;
  slotMinutes: number;
  bufferMinutes: number;
}

/**
 * One day's window, entered in the fair's time zone (whatever the device's), for coaches' availability and
 * booths' interview times alike. `idPrefix` keeps the fields' ids apart when both are on one page.
 */
export function AvailabilityForm(props: {
  idPrefix: string;
  timeZone: string;
  defaultFrom: string;
  defaultTo: string;
  slotMinutesLabel: string;
  submitLabel: string;
  formLabel?: string;
  onSubmit: (window: AvailabilityWindow) => void;
}) {
  const { t } = useI18n();
  const id = (field: string) => `${props.idPrefix}-${field}`;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const day = String(data.get('day'));
    props.onSubmit({
      startsAt: zonedToUtc(`${day}T${String(data.get('from'))}`, props.timeZone).toISOString(),
      endsAt: zonedToUtc(`${day}T${String(data.get('to'))}`, props.timeZone).toISOString(),
      slotMinutes: Number(data.get('slotMinutes')),
      bufferMinutes: Number(data.get('bufferMinutes')),
    });
  };
  return (
    <form onSubmit={submit} className="form-grid" aria-label={props.formLabel}>
      <div className="field">
        <label htmlFor={id('day')}>{t('coach.day')}</label>
        <input id={id('day')} name="day" type="date" required />
      </div>
      <div className="field">
        <label htmlFor={id('from')}>{t('coach.from')}</label>
        <input id={id('from')} name="from" type="time" required defaultValue={props.defaultFrom} />
      </div>
      <div className="field">
        <label htmlFor={id('to')}>{t('coach.to')}</label>
        <input id={id('to')} name="to" type="time" required defaultValue={props.defaultTo} />
      </div>
      <div className="field">
        <label htmlFor={id('len')}>{props.slotMinutesLabel}</label>
        <input id={id('len')} name="slotMinutes" type="number" min={15} max={120} defaultValue={30} required />
      </div>
      <div className="field">
        <label htmlFor={id('buf')}>{t('coach.bufferMinutes')}</label>
        <input id={id('buf')} name="bufferMinutes" type="number" min={0} max={60} defaultValue={0} required />
      </div>
      <button type="submit" className="button">
        {props.submitLabel}
      </button>
    </form>
  );
}
