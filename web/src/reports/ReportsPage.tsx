/**
 * Reports: the documents an auditor takes away. Each is fetched with the user's token and saved as
 * a file; nothing here changes a record.
 */
import { Alert, Button, Code, Group, List, NativeSelect, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { useAuth } from '../app/auth';
import { LANGUAGES, currentLanguage, localised } from '../i18n/i18n';
import type { Language } from '../i18n/i18n';
import { useProcedureSummaries } from '../programmes/OverviewTab';
import { useProgrammes } from '../programmes/queries';
import { download } from '../ui/download';
import { DataTable, Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { formatDate } from '../ui/format';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `report-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/** A download button that says what it is saving, and any failure beside it. */
function DownloadButton({ label, run }: { label: string; run: () => Promise<string> }) {
  const { t } = useTranslation();
  const action = useMutation({ mutationFn: run });
  return (
    <Stack gap={4}>
      <Button
        variant="default"
        w="fit-content"
        leftSection={<IconDownload size={16} aria-hidden />}
        loading={action.isPending}
        onClick={() => action.mutate()}
      >
        {label}
      </Button>
      {action.data ? (
        <Text size="sm" role="status">
          {t('report.saved', { name: action.data })}
        </Text>
      ) : null}
      <ProblemAlert error={action.error} onRetry={() => action.mutate()} />
    </Stack>
  );
}

function LanguagePicker({ value, onChange }: { value: Language; onChange(v: Language): void }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('report.language')}
      data={LANGUAGES.map((l) => ({ value: l.value, label: l.label }))}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as Language)}
    />
  );
}

export function ReportsPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const programmes = useProgrammes();
  const procedures = useProcedureSummaries();
  const reviewsAllowed = hasRole('quality_manager', 'board_member', 'auditor');
  const reviews = useQuery({
    queryKey: ['management-reviews'],
    enabled: reviewsAllowed,
    queryFn: () => call(api.GET('/api/management-reviews')),
  });
  const [programmeId, setProgrammeId] = useState('');
  const [lang, setLang] = useState<Language>(currentLanguage());
  const [registerLang, setRegisterLang] = useState<Language>(currentLanguage());
  // Empty: a case file for every subject. The server checks the numbers and names a wrong one.
  const [sample, setSample] = useState<number | ''>('');
  const [seed, setSeed] = useState<number | ''>('');
  const chosen = programmeId || programmes.data?.[0]?.id || '';
  const programmeName = programmes.data?.find((p) => p.id === chosen)?.name ?? '';

  return (
    <>
      <PageHeader title={t('report.title')} />
      <Text mb="md">{t('report.intro')}</Text>
      <ProblemAlert error={programmes.error} onRetry={() => void programmes.refetch()} />
      <Stack>
        <Section title={t('report.evidence.title')}>
          <Text size="sm">{t('report.evidence.explanation')}</Text>
          {programmes.isPending ? (
            <Loading />
          ) : (programmes.data ?? []).length === 0 ? (
            <Text size="sm">{t('programme.list.empty')}</Text>
          ) : (
            <>
              <Group align="flex-end" gap="sm" wrap="wrap">
                <NativeSelect
                  label={t('deviation.field.programme')}
                  data={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
                  value={chosen}
                  onChange={(e) => setProgrammeId(e.currentTarget.value)}
                />
                <LanguagePicker value={lang} onChange={setLang} />
              </Group>
              <Group align="flex-start" gap="sm" wrap="wrap">
                <NumberInput
                  label={t('report.evidence.sample')}
                  description={t('report.evidence.sampleHelp')}
                  min={1}
                  allowDecimal={false}
                  allowNegative={false}
                  value={sample}
                  onChange={(v) => setSample(typeof v === 'number' ? v : '')}
                  maw={320}
                />
                <NumberInput
                  label={t('report.evidence.seed')}
                  description={t('report.evidence.seedHelp')}
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  disabled={sample === ''}
                  value={seed}
                  onChange={(v) => setSeed(typeof v === 'number' ? v : '')}
                  maw={320}
                />
              </Group>
              <DownloadButton
                label={t('report.evidence.download')}
                run={() =>
                  download(
                    api.GET('/api/programmes/{id}/reports/evidence.pdf', {
                      params: {
                        path: { id: chosen },
                        query: {
                          lang,
                          ...(sample === '' ? {} : { sample }),
                          ...(sample === '' || seed === '' ? {} : { seed }),
                        },
                      },
                      parseAs: 'blob',
                    }),
                    `evidence-${programmeName}.pdf`,
                  )
                }
              />
              {hasRole('quality_manager', 'auditor') ? (
                <>
                  <DownloadButton
                    label={t('report.bundle.download')}
                    run={() =>
                      download(
                        api.GET('/api/programmes/{id}/reports/evidence-bundle', {
                          params: { path: { id: chosen }, query: { lang } },
                          parseAs: 'blob',
                        }),
                        `evidence-${programmeName}.tar`,
                      )
                    }
                  />
                  <Text size="sm">{t('report.evidence.bundleFull')}</Text>
                  <Alert color="blue" icon={<IconInfoCircle aria-hidden />} title={t('report.bundle.howTitle')}>
                    <List size="sm" type="ordered" spacing={4}>
                      <List.Item>{t('report.bundle.how1')}</List.Item>
                      <List.Item>
                        {t('report.bundle.how2')} <Code>npm run qms -- verify evidence.tar</Code>
                      </List.Item>
                      <List.Item>{t('report.bundle.how3')}</List.Item>
                    </List>
                  </Alert>
                </>
              ) : null}
            </>
          )}
        </Section>

        {hasRole('quality_manager', 'board_member', 'auditor') ? (
          <Section title={t('report.register.title')}>
            <Text size="sm">{t('report.register.explanation')}</Text>
            <LanguagePicker value={registerLang} onChange={setRegisterLang} />
            <DownloadButton
              label={t('report.register.download')}
              run={() =>
                download(
                  api.GET('/api/reports/corrective-actions.pdf', { params: { query: { lang: registerLang } }, parseAs: 'blob' }),
                  'corrective-actions.pdf',
                )
              }
            />
          </Section>
        ) : null}

        {hasRole('quality_manager', 'board_member', 'auditor') ? (
          <Section title={t('report.risks.title')}>
            <Text size="sm">{t('report.risks.explanation')}</Text>
            <DownloadButton
              label={t('report.risks.download')}
              run={() =>
                download(api.GET('/api/reports/risks.pdf', { params: { query: { lang: registerLang } }, parseAs: 'blob' }), 'risks.pdf')
              }
            />
          </Section>
        ) : null}

        <Section title={t('report.procedures.title')}>
          <ProblemAlert error={procedures.error} onRetry={() => void procedures.refetch()} />
          {procedures.isPending ? (
            <Loading />
          ) : (
            <DataTable
              caption={t('report.procedures.caption')}
              head={[t('procedure.field.title'), t('procedure.field.effective'), t('report.document')]}
            >
              {(procedures.data ?? []).map((p) => (
                <Table.Tr key={p.key}>
                  <Table.Td>{localised(p.title)}</Table.Td>
                  <Table.Td>{p.effectiveVersion ?? '–'}</Table.Td>
                  <Table.Td>
                    {p.effectiveVersion ? (
                      <DownloadButton
                        label={t('report.procedures.download', { title: localised(p.title), version: p.effectiveVersion })}
                        run={() =>
                          download(
                            api.GET('/api/procedures/{key}/versions/{n}/document.pdf', {
                              params: { path: { key: p.key, n: p.effectiveVersion! }, query: { lang: currentLanguage() } },
                              parseAs: 'blob',
                            }),
                            `${p.key}-v${p.effectiveVersion}.pdf`,
                          )
                        }
                      />
                    ) : (
                      t('report.procedures.none')
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </Section>

        {reviewsAllowed ? (
          <Section title={t('report.minutes.title')}>
            <ProblemAlert error={reviews.error} onRetry={() => void reviews.refetch()} />
            {reviews.isPending ? (
              <Loading />
            ) : (reviews.data ?? []).filter((r) => r.state === 'closed').length === 0 ? (
              <Text size="sm">{t('report.minutes.none')}</Text>
            ) : (
              <DataTable
                caption={t('report.minutes.caption')}
                head={[t('review.field.title'), t('review.field.heldOn'), t('report.document')]}
              >
                {(reviews.data ?? [])
                  .filter((r) => r.state === 'closed')
                  .map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{r.title}</Table.Td>
                      <Table.Td>{formatDate(r.heldOn)}</Table.Td>
                      <Table.Td>
                        <DownloadButton
                          label={t('report.minutes.download', { title: r.title })}
                          run={() =>
                            download(
                              api.GET('/api/management-reviews/{id}/minutes.pdf', {
                                params: { path: { id: r.id }, query: { lang: currentLanguage() } },
                                parseAs: 'blob',
                              }),
                              `minutes-${r.heldOn}.pdf`,
                            )
                          }
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </DataTable>
            )}
          </Section>
        ) : null}

        {hasRole('admin', 'quality_manager', 'auditor') ? (
          <Section title={t('report.auditExport.title')}>
            <Text size="sm">{t('report.auditExport.explanation')}</Text>
            <Text size="sm">
              <Code>npm run qms -- audit:verify audit-events.jsonl</Code>
            </Text>
            <DownloadButton
              label={t('report.auditExport.download')}
              run={() => download(api.GET('/api/audit-events/export', { parseAs: 'blob' }), 'audit-events.jsonl')}
            />
          </Section>
        ) : null}
      </Stack>
    </>
  );
}
