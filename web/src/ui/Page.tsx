import { Anchor, Breadcrumbs, Center, Group, Loader, Stack, Table, Title } from '@mantine/core';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The page's heading (its one h1), the browser tab's title, and the page's main actions. */
export function PageHeader({ title, actions, trail }: { title: string; actions?: ReactNode; trail?: { to: string; label: string }[] }) {
  useEffect(() => {
    document.title = `${title} · Mentoring QMS`;
  }, [title]);
  return (
    <Stack gap={4} mb="md">
      {trail && trail.length > 0 ? (
        <Breadcrumbs separator="›" aria-label="Breadcrumb">
          {trail.map((c) => (
            <Anchor key={c.to} component={Link} to={c.to} size="sm">
              {c.label}
            </Anchor>
          ))}
        </Breadcrumbs>
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

/** A real table with column headers, scrolling sideways inside its own box on a phone. */
export function DataTable({ caption, head, children }: { caption: string; head: ReactNode[]; children: ReactNode }) {
  return (
    <div className="table-scroll">
      <Table striped highlightOnHover withTableBorder verticalSpacing="xs" miw={480}>
        <Table.Caption className="table-caption">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {head.map((h, i) => (
              <Table.Th key={i} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </div>
  );
}
