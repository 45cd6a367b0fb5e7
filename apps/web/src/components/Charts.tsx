/** Small, dependency-free SVG charts for the KPI dashboard; each has a text alternative. */
import { formatNumber, formatPercent } from '../format';
import type { Lang } from '../i18n/i18n';

export interface Point {
  label: string;
  value: number;
  /** Position on the time axis (day of the fair, 0-based); the point's index when absent. */
  at?: number;
}

/**
 * Cumulative hires per day so far, on an axis spanning the whole fair (`totalDays`), against the target and
 * the straight pace line from nothing on the first day to the target on the last.
 */
export function HiresChart({
  days,
  totalDays,
  endLabel,
  target,
  title,
  lang,
  targetLabel,
  hiresLabel,
}: {
  days: Point[];
  totalDays: number;
  endLabel: string;
  target: number;
  title: string;
  lang: Lang;
  targetLabel: string;
  hiresLabel: string;
}) {
  const W = 600;
  const H = 220;
  const pad = { l: 12, r: 12, t: 26, b: 28 };
  const n = Math.max(totalDays, days.length, 2);
  let sum = 0;
  const cumulative = days.map((d) => (sum += d.value));
  const max = Math.max(target, ...cumulative, 1);
  const x = (i: number) => pad.l + (i / (n - 1)) * (W - pad.l - pad.r);
  const y = (v: number) => H - pad.b - (v / max) * (H - pad.t - pad.b);
  const at = (i: number) => days[i]?.at ?? i;
  const line = cumulative.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(at(i)).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = cumulative[cumulative.length - 1] ?? 0;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}: ${hiresLabel} ${formatNumber(last, lang)} / ${targetLabel} ${formatNumber(target, lang)}`}>
        <line x1={pad.l} y1={y(0)} x2={W - pad.r} y2={y(0)} className="axis" />
        <line x1={pad.l} y1={y(target)} x2={W - pad.r} y2={y(target)} className="target-line" />
        <text x={pad.l} y={y(target) - 4} className="chart-text">
          {targetLabel} {formatNumber(target, lang)}
        </text>
        <line x1={x(0)} y1={y(0)} x2={x(n - 1)} y2={y(target)} className="pace-line" />
        {line && <path d={line} className="hires-line" />}
        {cumulative.map((v, i) => (
          <circle key={i} cx={x(at(i))} cy={y(v)} r={2.5} className="hires-dot" />
        ))}
        <text x={pad.l} y={H - 8} className="chart-text">
          {days[0]?.label ?? ''}
        </text>
        <text x={W - pad.r} y={H - 8} className="chart-text" textAnchor="end">
          {endLabel}
        </text>
      </svg>
      <figcaption>
        <span className="legend legend-hires" /> {hiresLabel} <span className="legend legend-target" /> {targetLabel}
      </figcaption>
    </figure>
  );
}

/** Horizontal bars; `fraction` bars show percentages, others counts relative to the largest. */
export function Bars({ items, lang, fraction = false, label }: { items: Point[]; lang: Lang; fraction?: boolean; label: string }) {
  const max = fraction ? 1 : Math.max(1, ...items.map((i) => i.value));
  return (
    <ul className="bars" aria-label={label}>
      {items.map((i) => (
        <li key={i.label}>
          <span className="bar-label">{i.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${Math.min(100, (i.value / max) * 100)}%` }} />
          </span>
          <span className="bar-value">{fraction ? formatPercent(i.value, lang) : formatNumber(i.value, lang)}</span>
        </li>
      ))}
    </ul>
  );
}
