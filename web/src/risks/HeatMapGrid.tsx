import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollBox } from '../ui/Page';

/** The band of a score as the service names it (risk-rating.ts): the colour and the word. */
export function bandOf(score: number): 'low' | 'medium' | 'high' {
  if (score >= 15) return 'high';
  if (score >= 6) return 'medium';
  return 'low';
}

const RATINGS = [1, 2, 3, 4, 5] as const;

/**
 * One heat map: likelihood (rows, highest first) by impact (columns), each cell the number of open
 * risks rated there. A table, so a screen reader reads each count with its row and column; the
 * band of each cell is written in it, not told by colour alone.
 */
export function HeatMapGrid({ caption, grid }: { caption: string; grid: number[][] }) {
  const { t } = useTranslation();
  return (
    <ScrollBox label={caption}>
      <Table withTableBorder withColumnBorders className="heat-map" miw={320}>
        <Table.Caption className="table-caption">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('risk.heatMap.corner')}</Table.Th>
            {RATINGS.map((impact) => (
              <Table.Th scope="col" key={impact}>
                {t('risk.heatMap.impact', { n: impact })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...RATINGS].reverse().map((likelihood) => (
            <Table.Tr key={likelihood}>
              <Table.Th scope="row">{t('risk.heatMap.likelihood', { n: likelihood })}</Table.Th>
              {RATINGS.map((impact) => {
                const band = bandOf(likelihood * impact);
                const n = grid[likelihood - 1]?.[impact - 1] ?? 0;
                return (
                  <Table.Td key={impact} className={`heat-cell heat-${band}`}>
                    <Stack gap={0} align="center">
                      <Text fw={n ? 700 : 400} size="sm">
                        {n}
                      </Text>
                      <Text size="xs">{t(`risk.band.${band}`)}</Text>
                    </Stack>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollBox>
  );
}
