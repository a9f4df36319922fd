import { formatVector, type SlVector } from '../../../shared/catalogue';
import { FR_IDS } from '../../../shared/model';

const BAR = 7;
const GROUP = 2 * BAR + 6;
const LEVEL_HEIGHT = 10;
const TOP = 4;
const AXIS = TOP + 4 * LEVEL_HEIGHT;

/**
 * SL-T against SL-A per FR as paired bars (hand-drawn SVG: seven pairs of rectangles need no
 * charting library). SL-A is drawn as measured, so it may stand above SL-T.
 */
export function LevelChart({
  target,
  achieved,
  large,
}: {
  target: SlVector;
  achieved: SlVector;
  large?: boolean;
}) {
  const width = FR_IDS.length * GROUP + 4;
  const height = AXIS + 14;
  const label = `${formatVector('SL-T', target)}, ${formatVector('SL-A', achieved)}`;
  return (
    <svg
      className="level-chart"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width={large ? width * 1.6 : width}
      height={large ? height * 1.6 : height}
    >
      <title>{label}</title>
      {[1, 2, 3, 4].map((level) => (
        <line
          key={level}
          className="level-chart-grid"
          x1={0}
          x2={width}
          y1={AXIS - level * LEVEL_HEIGHT}
          y2={AXIS - level * LEVEL_HEIGHT}
        />
      ))}
      {FR_IDS.map((fr, index) => {
        const x = 2 + index * GROUP;
        const t = target[fr] * LEVEL_HEIGHT;
        const a = achieved[fr] * LEVEL_HEIGHT;
        const short = achieved[fr] < target[fr];
        return (
          <g key={fr}>
            <rect className="level-chart-target" x={x} y={AXIS - t} width={BAR} height={t} />
            <rect
              className={short ? 'level-chart-achieved level-chart-short' : 'level-chart-achieved'}
              x={x + BAR + 1}
              y={AXIS - a}
              width={BAR}
              height={a}
            />
            <text className="level-chart-label" x={x + BAR} y={height - 2} textAnchor="middle">
              {index + 1}
            </text>
          </g>
        );
      })}
      <line className="level-chart-axis" x1={0} x2={width} y1={AXIS} y2={AXIS} />
    </svg>
  );
}

export function ChartLegend() {
  return (
    <span className="level-chart-legend">
      <span className="swatch swatch-target" /> SL-T <span className="swatch swatch-achieved" /> SL-A{' '}
      <span className="swatch swatch-short" /> SL-A below SL-T
    </span>
  );
}
