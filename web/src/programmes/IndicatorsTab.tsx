import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localised } from '../i18n/i18n';
import { FiguresTable } from '../ui/FiguresTable';
import { Loading, ScrollBox } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { formatDate, formatPercent } from '../ui/format';
import { useIndicators, useMatrix } from './queries';
import type { Programme } from './queries';
import { ObjectivesSection } from '../indicators/ObjectivesSection';

interface Bar {
  label: string;
  value: number;
  /** What the table alternative shows for the bar (e.g. "19 of 22"). */
  text: string;
}

/**
 * A horizontal bar chart drawn as SVG. It is an image with a text description for screen readers,
 * and the same figures follow as a table (inside a disclosure) for anyone who wants the numbers.
 */
export function BarChart({
  id,
  title,
  bars,
  max,
  unit,
}: {
  id: string;
  title: string;
  bars: Bar[];
  max: number;
  unit: 'percent' | 'count';
}) {
  const { t } = useTranslation();
  const rowHeight = 28;
  const labelWidth = 190;
  const width = 560;
  const height = bars.length * rowHeight + 8;
  const scale = (v: number) => (max > 0 ? ((width - labelWidth - 70) * v) / max : 0);
  const description = bars.map((b) => `${b.label}: ${b.text}`).join('; ');
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <ScrollBox label={title}>
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          style={{ maxWidth: width }}
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {bars.map((b, i) => (
            <g key={b.label} transform={`translate(0 ${i * rowHeight + 4})`}>
              <text x={labelWidth - 8} y={rowHeight / 2 + 4} textAnchor="end" className="chart-bar-label">
                {b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label}
              </text>
              <rect x={labelWidth} y={4} width={Math.max(1, scale(b.value))} height={rowHeight - 10} fill="#1c7ed6" rx={2} />
              <text x={labelWidth + scale(b.value) + 6} y={rowHeight / 2 + 4} className="chart-bar-label">
                {unit === 'percent' ? formatPercent(b.value) : b.value}
              </text>
            </g>
          ))}
        </svg>
      </ScrollBox>
      <FiguresTable rows={bars} head={[t('indicator.item'), t('indicator.value')]} />
    </figure>
  );
}

/** A count of people: a number, or "<5" / ">=5" where it is hidden to protect participants. */
type Count = number | string;
type Rate = { numerator: number; denominator: number; value: number | null };
type PeopleRate = { numerator: Count; denominator: Count; value: number | null };
/** The bar of a hidden count: none (its size would give the count away). */
const barValue = (v: Count | null | undefined) => (typeof v === 'number' ? v : 0);

export function IndicatorsTab({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const indicators = useIndicators(programme.id);
  const matrix = useMatrix(programme.id);
  if (indicators.isPending) return <Loading />;
  if (!indicators.data) return <ProblemAlert error={indicators.error} onRetry={() => void indicators.refetch()} />;
  const d = indicators.data as unknown as {
    asOf: string;
    smallCellsSuppressed: boolean;
    participants: { byRole: Record<string, Record<string, Count>> };
    outcomes: Record<string, Count | null>;
    inWorkOrStudiesAmongCompleters: PeopleRate;
    conformance: { overall: Rate; byProcedure: { procedureKey: string; rate: Rate }[] };
    deviations: { total: number; bySeverity: Record<string, number | null>; openBySeverity: Record<string, number | null> };
    correctiveActions?: { total?: number };
  };
  const title = (key: string) => localised(matrix.data?.procedures.find((p) => p.procedureKey === key)?.title) || key;
  const count = (v: Count | null | undefined) => {
    if (v === null || v === undefined || v === '<5') return t('indicator.suppressed');
    if (v === '>=5') return t('indicator.suppressedAtLeast');
    return String(v);
  };
  const rateText = (r: Rate | PeopleRate) =>
    r.denominator ? t('indicator.ofTotal', { n: count(r.numerator), total: count(r.denominator), percent: formatPercent(r.value) }) : '–';

  return (
    <Stack gap="lg">
      <Text size="sm">
        {t('indicator.asOf', { date: formatDate(d.asOf) })}
        {d.smallCellsSuppressed ? ` ${t('indicator.smallCells')}` : ''}
      </Text>
      <div className="indicator-cards">
        <Card withBorder>
          <Text size="sm">{t('indicator.conformanceOverall')}</Text>
          <Title order={2} size="h2">
            {formatPercent(d.conformance.overall.value)}
          </Title>
          <Text size="sm">{rateText(d.conformance.overall)}</Text>
        </Card>
        <Card withBorder>
          <Text size="sm">{t('indicator.inWorkOrStudies')}</Text>
          <Title order={2} size="h2">
            {formatPercent(d.inWorkOrStudiesAmongCompleters.value)}
          </Title>
          <Text size="sm">{rateText(d.inWorkOrStudiesAmongCompleters)}</Text>
        </Card>
        <Card withBorder>
          <Text size="sm">{t('indicator.adepts')}</Text>
          <Title order={2} size="h2">
            {count(d.participants.byRole.adept?.enrolled)}
          </Title>
          <Text size="sm">
            {t('indicator.adeptStates', {
              active: count(d.participants.byRole.adept?.active),
              completed: count(d.participants.byRole.adept?.completed),
              withdrawn: count(d.participants.byRole.adept?.withdrawn),
            })}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm">{t('indicator.deviations')}</Text>
          <Title order={2} size="h2">
            {d.deviations.total}
          </Title>
        </Card>
      </div>
      <BarChart
        id="chart-conformance"
        title={t('indicator.conformanceByProcedure')}
        unit="percent"
        max={1}
        bars={d.conformance.byProcedure.map((p) => ({ label: title(p.procedureKey), value: p.rate.value ?? 0, text: rateText(p.rate) }))}
      />
      <BarChart
        id="chart-outcomes"
        title={t('indicator.outcomes')}
        unit="count"
        max={Math.max(1, ...Object.values(d.outcomes).map(barValue))}
        bars={Object.entries(d.outcomes).map(([k, v]) => ({
          label: t(`indicator.outcome.${k}`, { defaultValue: k.replace(/_/g, ' ') }),
          value: barValue(v),
          text: count(v),
        }))}
      />
      <BarChart
        id="chart-deviations"
        title={t('indicator.deviationsBySeverity')}
        unit="count"
        max={Math.max(1, ...Object.values(d.deviations.bySeverity).map((v) => v ?? 0))}
        bars={Object.entries(d.deviations.bySeverity).map(([k, v]) => ({
          label: t(`status.severity.${k}`),
          value: v ?? 0,
          text: t('indicator.openOf', { total: count(v), open: count(d.deviations.openBySeverity[k]) }),
        }))}
      />
      <ObjectivesSection programmeId={programme.id} />
    </Stack>
  );
}
