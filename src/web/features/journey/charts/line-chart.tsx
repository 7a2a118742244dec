// A small hand-drawn SVG line chart with its table equivalent. Lives in the lazily loaded charts chunk.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type ChartPoint = { label: string; value: number | null };

const WIDTH = 360;
const HEIGHT = 180;
const PAD = { top: 12, right: 12, bottom: 28, left: 42 };

export function LineChart({
  title,
  summary,
  points,
  min,
  max,
  valueLabel,
  formatValue = (v) => String(v),
  reference,
}: {
  title: string;
  summary: string;
  points: ChartPoint[];
  min: number;
  max: number;
  valueLabel: string;
  formatValue?: (value: number) => string;
  reference?: { value: number; label: string };
}) {
  const { t } = useTranslation();
  const id = useId();
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (v: number) => PAD.top + innerH - ((v - min) / (max - min || 1)) * innerH;
  // Gaps (days without a value) break the line instead of bridging it.
  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? ' L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const ticks = [min, (min + max) / 2, max];
  const first = points[0]?.label;
  const last = points.at(-1)?.label;
  const withValues = points.filter((p) => p.value !== null);
  const placed = points.map((p, i) => ({ ...p, cx: x(i), key: `${i}:${p.label}` }));
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-summary`}
        className="chart-svg"
      >
        <title>{title}</title>
        <desc id={`${id}-summary`}>{summary}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line className="chart-grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} />
            <text className="chart-axis" x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
              {formatValue(Math.round(v * 10) / 10)}
            </text>
          </g>
        ))}
        {reference ? (
          <g>
            <line
              className="chart-reference"
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(reference.value)}
              y2={y(reference.value)}
            />
            <text
              className="chart-reference-label"
              x={WIDTH - PAD.right}
              y={y(reference.value) - 4}
              textAnchor="end"
            >
              {reference.label}
            </text>
          </g>
        ) : null}
        {segments.map((d) => (
          <path key={d} className="chart-line" d={d} />
        ))}
        {placed.map((p) =>
          p.value === null ? null : (
            <circle
              key={p.key}
              className="chart-dot"
              cx={p.cx}
              cy={y(p.value)}
              r={withValues.length > 40 ? 1.5 : 3}
            />
          ),
        )}
        {first ? (
          <text className="chart-axis" x={PAD.left} y={HEIGHT - 8} textAnchor="start">
            {first}
          </text>
        ) : null}
        {last && points.length > 1 ? (
          <text className="chart-axis" x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end">
            {last}
          </text>
        ) : null}
      </svg>
      <details className="chart-table">
        <summary>{t('charts.showTable')}</summary>
        <div className="table-wrap">
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('charts.date')}</th>
                <th scope="col">{valueLabel}</th>
              </tr>
            </thead>
            <tbody>
              {withValues.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
                <tr key={i}>
                  <th scope="row">{p.label}</th>
                  <td>{formatValue(p.value as number)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
