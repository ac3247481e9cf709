/**
 * What every list page repeats: filters kept in the URL (a filtered list can be bookmarked, shared
 * and reloaded), a filter bar that is a search landmark, and a table filled a page at a time from
 * the service with a "More" button.
 */
import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DataTable, Loading } from './Page';
import { ProblemAlert } from './ProblemAlert';

export interface UrlFilters {
  /** The parameter's value, or undefined when absent or empty. */
  text(key: string): string | undefined;
  /** The parameter's value if it is one of `allowed`, else undefined (a hand-edited URL stays harmless). */
  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined;
  /** true when the parameter is `true`. */
  flag(key: string): boolean;
  /** Sets one filter; an empty string or false removes it. Replaces the history entry. */
  set(key: string, value: string | boolean): void;
  /** Removes every filter. */
  clear(): void;
}

/** The list's filters, read from and written to the URL's query string. */
export function useUrlFilters(): UrlFilters {
  const [params, setParams] = useSearchParams();
  // A change not yet in the URL: the router applies it after this render, and a second filter
  // set before then (quick typing, a test filling three fields) must build on it, not drop it.
  const pending = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    if (pending.current?.toString() === params.toString()) pending.current = null;
  }, [params]);
  return {
    text: (key) => params.get(key) || undefined,
    oneOf: <T extends string>(key: string, allowed: readonly T[]) => {
      const v = params.get(key);
      return allowed.includes(v as T) ? (v as T) : undefined;
    },
    flag: (key) => params.get(key) === 'true',
    set: (key, value) => {
      const next = new URLSearchParams(pending.current ?? params);
      if (value === '' || value === false) next.delete(key);
      else next.set(key, String(value));
      pending.current = next;
      setParams(next, { replace: true });
    },
    clear: () => {
      pending.current = new URLSearchParams();
      setParams(pending.current, { replace: true });
    },
  };
}

/** The filters of a list: a search landmark named `label`, its controls wrapping on a phone, and a Clear button when `onClear` is given. */
export function FilterBar({ label, onClear, children }: { label: string; onClear?: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <form role="search" aria-label={label} onSubmit={(e) => e.preventDefault()}>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        {children}
        {onClear ? (
          <Button variant="default" onClick={onClear}>
            {t('action.clear')}
          </Button>
        ) : null}
      </Group>
    </form>
  );
}

/** A filter choosing one of `options`, or all of them (the empty value). */
export function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange(value: string): void;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label}
      data={[{ value: '', label: t('deviation.filter.all') }, ...options]}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

type Pages<T> = UseInfiniteQueryResult<InfiniteData<{ items: T[]; nextCursor: string | null }>>;

/**
 * A list the service hands out a page at a time: loading, a problem with a retry, a sentence when
 * nothing matches, or the table (`caption` names it, from the rows shown) with "More" while the
 * service has more.
 */
export function PagedTable<T>({
  list,
  empty,
  caption,
  head,
  row,
}: {
  list: Pages<T>;
  empty: string;
  caption(items: T[]): string;
  head: ReactNode[];
  row(item: T): ReactNode;
}) {
  const { t } = useTranslation();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text role="status">{empty}</Text>
      ) : (
        <Stack>
          <DataTable caption={caption(items)} head={head}>
            {items.map(row)}
          </DataTable>
          {list.hasNextPage ? (
            <Button variant="default" w="fit-content" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('action.more')}
            </Button>
          ) : null}
        </Stack>
      )}
    </>
  );
}

/**
 * A list the browser holds whole (a programme's participants or pairs), shown `step` rows at a time:
 * the rows to show, and the "More" button while there are more.
 */
export function useShownRows<T>(items: readonly T[], step = 50): { shown: readonly T[]; more: ReactNode } {
  const { t } = useTranslation();
  const [count, setCount] = useState(step);
  const more =
    items.length > count ? (
      <Button variant="default" w="fit-content" onClick={() => setCount(count + step)}>
        {t('action.more')}
      </Button>
    ) : null;
  return { shown: items.slice(0, count), more };
}
