/**
 * Two versions of a procedure side by side: the definition of each as YAML, removed lines on the
 * left and added lines on the right, marked by a sign and a word as well as by colour. The versions
 * compared are in the URL.
 */
import { Checkbox, Group, NativeSelect, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { stringify } from 'yaml';
import { api, call } from '../api/client';
import { localised } from '../i18n/i18n';
import { Loading, PageHeader, ScrollBox } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { sideBySide } from './lineDiff';

function useVersion(key: string, n: number | undefined) {
  return useQuery({
    queryKey: ['procedures', key, 'versions', n],
    enabled: !!n,
    queryFn: () => call(api.GET('/api/procedures/{key}/versions/{n}', { params: { path: { key, n: n! } } })),
  });
}

export function ComparePage() {
  const { t } = useTranslation();
  const { key = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const procedure = useQuery({ queryKey: ['procedures', key], queryFn: () => call(api.GET('/api/procedures/{key}', { params: { path: { key } } })) });
  const latest = procedure.data?.latestVersion;
  const to = Number(params.get('to')) || latest;
  const from = Number(params.get('from')) || (to && to > 1 ? to - 1 : undefined);
  // The box follows the click at once; the URL (which a link shares) follows in a navigation that
  // may be deferred while a long comparison renders, and a change of the URL (back) sets the box.
  const onlyInUrl = params.get('changes') === 'only';
  const [onlyChanges, setOnlyChanges] = useState(onlyInUrl);
  useEffect(() => setOnlyChanges(onlyInUrl), [onlyInUrl]);
  const left = useVersion(key, from);
  const right = useVersion(key, to);
  const rows = useMemo(() => {
    if (!left.data || !right.data) return [];
    const a = stringify(left.data.definition, { lineWidth: 0 }).trimEnd().split('\n');
    const b = stringify(right.data.definition, { lineWidth: 0 }).trimEnd().split('\n');
    return sideBySide(a, b);
  }, [left.data, right.data]);
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  if (procedure.isPending) return <Loading />;
  if (!procedure.data) return <ProblemAlert error={procedure.error} />;
  const p = procedure.data;
  const options = p.versions.map((v) => ({ value: String(v.number), label: `${t('procedure.field.version')} ${v.number} (${t(`status.version.${v.status}`)})` }));
  const changed = rows.filter((r) => r.left?.removed || r.right?.added).length;
  const shown = onlyChanges ? rows.filter((r) => r.left?.removed || r.right?.added) : rows;
  return (
    <>
      <PageHeader
        title={t('procedure.compare.title', { title: localised(p.title) })}
        trail={[
          { to: '/procedures', label: t('procedure.list.title') },
          { to: `/procedures/${key}`, label: localised(p.title) },
        ]}
      />
      <form role="search" aria-label={t('procedure.compare.choose')} onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
          <NativeSelect label={t('procedure.compare.from')} data={options} value={String(from ?? '')} onChange={(e) => set('from', e.currentTarget.value)} />
          <NativeSelect label={t('procedure.compare.to')} data={options} value={String(to ?? '')} onChange={(e) => set('to', e.currentTarget.value)} />
          <Checkbox label={t('procedure.compare.onlyChanges')} checked={onlyChanges} onChange={(e) => {
              const only = e.currentTarget.checked;
              setOnlyChanges(only);
              set('changes', only ? 'only' : '');
            }} mb={8} />
        </Group>
      </form>
      <ProblemAlert error={left.error ?? right.error} />
      {left.isPending || right.isPending ? (
        <Loading />
      ) : (
        <>
          <Text role="status" mb="sm">
            {changed === 0 ? t('procedure.compare.same') : t('procedure.compare.changed', { count: changed, from, to })}
          </Text>
          {right.data?.changeSummary ? <Text mb="sm">{t('procedure.compare.summary', { text: right.data.changeSummary })}</Text> : null}
          <ScrollBox label={t('procedure.compare.caption', { from, to })}>
            <table className="diff-table">
              <caption className="table-caption">{t('procedure.compare.caption', { from, to })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('procedure.compare.line')}</th>
                  <th scope="col">{t('procedure.compare.version', { n: from })}</th>
                  <th scope="col">{t('procedure.compare.line')}</th>
                  <th scope="col">{t('procedure.compare.version', { n: to })}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r, i) => (
                  <tr key={i}>
                    <td className="ln">{r.left?.n ?? ''}</td>
                    <td className={r.left?.removed ? 'diff-removed' : undefined}>
                      {r.left?.removed ? <span className="diff-mark">− {t('procedure.compare.removed')}: </span> : null}
                      {r.left?.text ?? ''}
                    </td>
                    <td className="ln">{r.right?.n ?? ''}</td>
                    <td className={r.right?.added ? 'diff-added' : undefined}>
                      {r.right?.added ? <span className="diff-mark">+ {t('procedure.compare.added')}: </span> : null}
                      {r.right?.text ?? ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </>
      )}
    </>
  );
}
