/**
 * A programme's survey plan: which survey goes to whom, counted from which moment, and the day
 * each entry sends (the daily scan sends it then, once per recipient). Those who record in the
 * programme add entries.
 */
import { Button, NativeSelect, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, idempotencyKey } from '../api/client';
import type { Programme } from '../programmes/queries';
import { Dialog } from '../ui/Dialog';
import { DataTable, Loading } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { formatDate } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { MOMENTS, surveyKeys, useSurveyPlan, useSurveys } from './queries';
import type { Moment, PlanEntry } from './queries';

function AddEntryDialog({ programme, opened, onClose }: { programme: Programme; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const surveys = useSurveys();
  const items = surveys.data ?? [];
  const [surveyKey, setSurveyKey] = useState('');
  const [moment, setMoment] = useState<Moment>('programme_end');
  const [procedureKey, setProcedureKey] = useState('');
  const [offset, setOffset] = useState<number | string>(0);
  const [days, setDays] = useState<number | string>(30);
  const [key, setKey] = useState(idempotencyKey);
  const survey = items.find((s) => s.key === surveyKey) ?? items[0];
  const add = useAction(
    () =>
      call(
        api.POST('/api/programmes/{id}/survey-plan', {
          params: { path: { id: programme.id } },
          headers: { 'Idempotency-Key': key },
          body: {
            surveyKey: survey!.key,
            audience: survey!.audience,
            moment,
            procedureKey: moment === 'procedure_completed' ? procedureKey : undefined,
            offsetDays: Number(offset),
            expiresInDays: Number(days),
          },
        }),
      ),
    { invalidates: [surveyKeys.plan(programme.id)], done: t('survey.plan.added') },
  );
  const errors = fieldErrors(t, add.error);
  const close = () => {
    add.reset();
    setKey(idempotencyKey());
    onClose();
  };
  return (
    <Dialog opened={opened} onClose={close} title={t('survey.plan.add')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(undefined, { onSuccess: close });
        }}
      >
        <Stack gap="sm">
          <NativeSelect
            label={t('survey.field.survey')}
            data={items.map((s) => ({ value: s.key, label: `${s.title} (${t(`survey.audience.${s.audience}`)})` }))}
            value={survey?.key ?? ''}
            onChange={(e) => setSurveyKey(e.currentTarget.value)}
            error={errors.surveyKey ?? errors.audience}
          />
          <NativeSelect
            label={t('survey.field.moment')}
            data={MOMENTS.map((m) => ({ value: m, label: t(`survey.moment.${m}`) }))}
            value={moment}
            onChange={(e) => setMoment(e.currentTarget.value as Moment)}
            error={errors.moment}
          />
          {moment === 'procedure_completed' ? (
            <TextInput
              label={t('survey.field.procedureKey')}
              description={t('survey.field.procedureKeyHelp')}
              required
              value={procedureKey}
              onChange={(e) => setProcedureKey(e.currentTarget.value)}
              error={errors.procedureKey}
            />
          ) : null}
          <NumberInput
            label={t('survey.field.offsetDays')}
            description={t('survey.field.offsetDaysHelp')}
            min={-365}
            max={730}
            value={offset}
            onChange={setOffset}
            error={errors.offsetDays}
          />
          <NumberInput
            label={t('survey.field.expiresInDays')}
            min={1}
            max={90}
            value={days}
            onChange={setDays}
            error={errors.expiresInDays}
          />
          <ProblemAlert error={add.error} />
          <Button type="submit" w="fit-content" loading={add.isPending} disabled={!survey}>
            {t('survey.plan.addSubmit')}
          </Button>
        </Stack>
      </form>
    </Dialog>
  );
}

function momentWords(t: (k: string, o?: Record<string, unknown>) => string, e: PlanEntry): string {
  const base =
    e.moment === 'procedure_completed' ? t('survey.moment.procedureNamed', { key: e.procedureKey }) : t(`survey.moment.${e.moment}`);
  if (e.offsetDays === 0) return base;
  return e.offsetDays > 0
    ? t('survey.plan.after', { count: e.offsetDays, moment: base })
    : t('survey.plan.before', { count: -e.offsetDays, moment: base });
}

export function SurveyPlanSection({ programme, mayWrite }: { programme: Programme; mayWrite: boolean }) {
  const { t } = useTranslation();
  const plan = useSurveyPlan(programme.id);
  const [adding, setAdding] = useState(false);
  const entries = plan.data ?? [];
  return (
    <Stack gap="xs" component="section" aria-labelledby="survey-plan-title">
      <Title order={2} size="h4" id="survey-plan-title">
        {t('survey.plan.title')}
      </Title>
      <Text size="sm">{t('survey.plan.intro')}</Text>
      <ProblemAlert error={plan.error} onRetry={() => void plan.refetch()} />
      {plan.isPending ? (
        <Loading />
      ) : entries.length === 0 ? (
        <Text size="sm">{t('survey.plan.empty')}</Text>
      ) : (
        <DataTable
          caption={t('survey.plan.caption', { count: entries.length })}
          head={[
            t('survey.field.survey'),
            t('survey.field.audience'),
            t('survey.field.moment'),
            t('survey.plan.sendsOn'),
            t('survey.plan.sent'),
          ]}
        >
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <code>{e.surveyKey}</code>
              </Table.Td>
              <Table.Td>{t(`survey.audience.${e.audience}`)}</Table.Td>
              <Table.Td>{momentWords(t, e)}</Table.Td>
              <Table.Td>{e.sendsOn ? formatDate(e.sendsOn) : t('survey.plan.notKnownYet')}</Table.Td>
              <Table.Td>{e.sent}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {mayWrite ? (
        <Button variant="default" w="fit-content" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
          {t('survey.plan.add')}
        </Button>
      ) : null}
      {mayWrite ? <AddEntryDialog programme={programme} opened={adding} onClose={() => setAdding(false)} /> : null}
    </Stack>
  );
}
