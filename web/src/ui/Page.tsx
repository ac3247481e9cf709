import { Anchor, Breadcrumbs, Center, Group, Loader, Stack, Table, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
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

/** A real table with column headers, scrolling sideways inside its own box on a phone. */
export function DataTable({ caption, head, children }: { caption: string; head: ReactNode[]; children: ReactNode }) {
  return (
    <ScrollBox label={caption}>
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
    </ScrollBox>
  );
}
