import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The figures of a chart as a table, behind "Show as a table": for anyone who wants the numbers,
 * and for screen readers that read tables better than figures.
 */
export function FiguresTable({
  rows,
  head,
  caption,
}: {
  rows: { label: string; text: string }[];
  head: [string, string];
  caption?: string;
}) {
  const { t } = useTranslation();
  return (
    <details>
      <summary>{t('indicator.showTable')}</summary>
      <Table withTableBorder mt="xs" maw={560}>
        {caption ? <Table.Caption className="table-caption">{caption}</Table.Caption> : null}
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{head[0]}</Table.Th>
            <Table.Th scope="col">{head[1]}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((b) => (
            <Table.Tr key={b.label}>
              <Table.Td>{b.label}</Table.Td>
              <Table.Td>{b.text}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </details>
  );
}
