import { Anchor, Breadcrumbs, Center, Group, Loader, Stack, Table, Title } from '@mantine/core';
import { Children, cloneElement, isValidElement, useEffect, useRef, useState } from 'react';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The page's heading (its one h1), the browser tab's title, and the page's main actions. */
export function PageHeader({ title, actions, trail }: { title: string; actions?: ReactNode; trail?: { to: string; label: string }[] }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · Mentoring QMS`;
  }, [title]);
  return (
    <Stack gap={4} mb="md">
      {trail && trail.length > 0 ? (
        <nav aria-label={t('nav.breadcrumb')}>
          <Breadcrumbs separator="›">
            {trail.map((c) => (
              <Anchor key={c.to} component={Link} to={c.to} size="sm">
                {c.label}
              </Anchor>
            ))}
          </Breadcrumbs>
        </nav>
      ) : null}
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={1} size="h2">
          {title}
        </Title>
        {actions ? <Group gap="xs">{actions}</Group> : null}
      </Group>
    </Stack>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center p="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <span className="visually-hidden-text">{t('page.loading')}</span>
    </Center>
  );
}

/**
 * A box that scrolls its content sideways when the screen is too narrow for it (the page itself
 * never does). While it scrolls, it is a named region in the tab order, so that the arrow keys
 * reach what is out of sight (WCAG 2.1.1); when everything fits, it is a plain box.
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className="table-scroll" {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
      {children}
    </div>
  );
}

/** Gives each cell of a row the name of its column, which a phone shows beside the value (see `.data-table` in app.css). */
function labelCells(row: ReactNode, head: ReactNode[]): ReactNode {
  if (!isValidElement<{ children?: ReactNode }>(row)) return row;
  let column = 0;
  const cells = Children.map(row.props.children, (cell) => {
    if (!isValidElement(cell)) return cell;
    const label = head[column++];
    const role = cell.type === Table.Th ? 'rowheader' : 'cell';
    return cloneElement(cell as ReactElement<{ 'data-label'?: string; role?: string }>, {
      role,
      ...(typeof label === 'string' ? { 'data-label': label } : {}),
    });
  });
  return cloneElement(row as ReactElement<{ role?: string }>, { role: 'row' }, cells);
}

/**
 * A real table with column headers. On a phone each row becomes a card of "column: value" lines,
 * so that nothing needs sideways scrolling (the table's semantics stay, roles spelt out for the
 * browsers that drop them when a table is not laid out as one); wider tables scroll in their own box.
 */
export function DataTable({ caption, head, children }: { caption: string; head: ReactNode[]; children: ReactNode }) {
  return (
    <ScrollBox label={caption}>
      <Table striped highlightOnHover withTableBorder verticalSpacing="xs" className="data-table" role="table">
        <Table.Caption className="table-caption">{caption}</Table.Caption>
        <Table.Thead role="rowgroup">
          <Table.Tr role="row">
            {head.map((h, i) => (
              <Table.Th key={i} scope="col" role="columnheader">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody role="rowgroup">{Children.map(children, (row) => labelCells(row, head))}</Table.Tbody>
      </Table>
    </ScrollBox>
  );
}
