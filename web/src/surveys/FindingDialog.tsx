/**
 * A quality manager acts on a result: opens a deviation (a low score, a complaint) or plans an
 * improvement action (an opportunity), linked to the survey, the question and the programme, and
 * to the free-text answer it comes from when there is one.
 */
import { Button, NativeSelect, Radio, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../api/client';
import { useUser } from '../app/auth';
import { useStaff } from '../users/staff';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { today } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { surveyKeys } from './queries';

export interface FindingTarget {
  programmeId: string;
  programmeName: string;
  questionKey?: string;
  textAnswerId?: string;
}

type Kind = 'deviation' | 'improvement';
const SEVERITIES = ['minor', 'major', 'critical'] as const;

export function FindingDialog({
  surveyId,
  target,
  questions,
  onClose,
}: {
  surveyId: string;
  target: FindingTarget | undefined;
  questions: { key: string; label: string }[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const staff = useStaff(!!target);
  const [kind, setKind] = useState<Kind>('deviation');
  const [chosenQuestion, setQuestionKey] = useState('');
  // The question asked about, until another is chosen (the dialog is keyed by its target).
  const questionKey = chosenQuestion || target?.questionKey || questions[0]?.key || '';
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>('minor');
  const [ownerId, setOwnerId] = useState(user.id);
  const [dueDate, setDueDate] = useState(today());
  const [criterion, setCriterion] = useState('');
  const open = useAction(
    () => {
      const common = { programmeId: target!.programmeId, questionKey, textAnswerId: target?.textAnswerId };
      return kind === 'deviation'
        ? call(
            api.POST('/api/surveys/{id}/results/deviations', {
              params: { path: { id: surveyId } },
              body: { ...common, title, description, severity },
            }),
          )
        : call(
            api.POST('/api/surveys/{id}/results/improvements', {
              params: { path: { id: surveyId } },
              body: { ...common, description, ownerId, dueDate, effectivenessCriterion: criterion },
            }),
          );
    },
    { invalidates: [surveyKeys.all], done: (f) => t('survey.finding.done', { reference: f.reference }) },
  );
  const errors = fieldErrors(t, open.error);
  const owners = (staff.data ?? []).filter((s) => s.active && s.roles.some((r) => r === 'quality_manager' || r === 'programme_leader'));
  const close = () => {
    open.reset();
    setTitle('');
    setDescription('');
    setCriterion('');
    onClose();
  };
  return (
    <Dialog opened={!!target} onClose={close} title={t('survey.finding.dialogTitle', { programme: target?.programmeName ?? '' })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          open.mutate(undefined, {
            onSuccess: (f) => {
              close();
              void navigate(f.kind === 'deviation' ? `/deviations/${f.recordId}` : `/corrective-actions/${f.recordId}`);
            },
          });
        }}
      >
        <Stack gap="sm">
          <Radio.Group label={t('survey.finding.kindLabel')} value={kind} onChange={(v) => setKind(v as Kind)}>
            <Group gap="md" mt={4}>
              <Radio value="deviation" label={t('survey.finding.kind.deviation')} />
              <Radio value="improvement" label={t('survey.finding.kind.improvement')} />
            </Group>
          </Radio.Group>
          <NativeSelect
            label={t('survey.finding.question')}
            data={questions.map((q) => ({ value: q.key, label: q.label }))}
            value={questionKey}
            onChange={(e) => setQuestionKey(e.currentTarget.value)}
            error={errors.questionKey}
          />
          {target?.textAnswerId ? <Text size="sm">{t('survey.finding.fromText')}</Text> : null}
          {kind === 'deviation' ? (
            <>
              <TextInput
                label={t('deviation.field.title')}
                required
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                error={errors.title}
              />
              <NativeSelect
                label={t('deviation.field.severity')}
                data={SEVERITIES.map((s) => ({ value: s, label: t(`status.severity.${s}`) }))}
                value={severity}
                onChange={(e) => setSeverity(e.currentTarget.value as (typeof SEVERITIES)[number])}
              />
            </>
          ) : null}
          <Textarea
            label={t('survey.finding.description')}
            required
            autosize
            minRows={3}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
          {kind === 'improvement' ? (
            <>
              <NativeSelect
                label={t('survey.finding.owner')}
                data={(owners.some((o) => o.id === user.id) ? owners : [{ id: user.id, name: user.name }, ...owners]).map((o) => ({
                  value: o.id,
                  label: o.name,
                }))}
                value={ownerId}
                onChange={(e) => setOwnerId(e.currentTarget.value)}
                error={errors.ownerId}
              />
              <TextInput
                type="date"
                label={t('survey.finding.dueDate')}
                required
                value={dueDate}
                onChange={(e) => setDueDate(e.currentTarget.value)}
                error={errors.dueDate}
              />
              <Textarea
                label={t('survey.finding.criterion')}
                required
                autosize
                minRows={2}
                value={criterion}
                onChange={(e) => setCriterion(e.currentTarget.value)}
                error={errors.effectivenessCriterion}
              />
            </>
          ) : null}
          <ProblemAlert error={open.error} />
          <Button type="submit" w="fit-content" loading={open.isPending}>
            {t(`survey.finding.submit.${kind}`)}
          </Button>
        </Stack>
      </form>
    </Dialog>
  );
}
