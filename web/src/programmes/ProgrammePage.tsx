import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { ApplicantsTab } from './ApplicantsTab';
import { ConformanceMatrix } from './ConformanceMatrix';
import { InternshipsTab } from '../internships/InternshipsTab';
import { RecurringTab } from '../recurring/RecurringTab';
import { ProgrammeSurveysTab } from '../surveys/ProgrammeSurveysTab';
import { IndicatorsTab } from './IndicatorsTab';
import { OverviewTab } from './OverviewTab';
import { PairsTab } from './PairsTab';
import { ParticipantsTab } from './ParticipantsTab';
import { useProgramme } from './queries';

const TABS = [
  'overview',
  'participants',
  'pairs',
  'conformance',
  'recurring',
  'applicants',
  'internships',
  'indicators',
  'surveys',
] as const;
type Tab = (typeof TABS)[number];

export function ProgrammePage() {
  const { t } = useTranslation();
  const { id = '', tab } = useParams();
  const navigate = useNavigate();
  const programme = useProgramme(id);
  const current: Tab = TABS.includes(tab as Tab) ? (tab as Tab) : 'overview';

  if (programme.isPending) return <Loading />;
  if (!programme.data) return <ProblemAlert error={programme.error} onRetry={() => void programme.refetch()} />;
  const p = programme.data;
  return (
    <>
      <PageHeader
        title={p.name}
        trail={[{ to: '/programmes', label: t('programme.list.title') }]}
        actions={<StatusBadge kind="programme" value={p.status} />}
      />
      <Tabs
        value={current}
        onChange={(value) => void navigate(value === 'overview' ? `/programmes/${id}` : `/programmes/${id}/${value}`)}
        keepMounted={false}
      >
        <Tabs.List className="programme-tabs">
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`programme.tab.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <OverviewTab programme={p} />
        </Tabs.Panel>
        <Tabs.Panel value="applicants" pt="md">
          <ApplicantsTab programme={p} />
        </Tabs.Panel>
        <Tabs.Panel value="participants" pt="md">
          <ParticipantsTab programme={p} />
        </Tabs.Panel>
        <Tabs.Panel value="pairs" pt="md">
          <PairsTab programme={p} />
        </Tabs.Panel>
        <Tabs.Panel value="internships" pt="md">
          <InternshipsTab programme={p} />
        </Tabs.Panel>
        <Tabs.Panel value="conformance" pt="md">
          <ConformanceMatrix programme={p} />
        </Tabs.Panel>
        <Tabs.Panel value="recurring" pt="md">
          <RecurringTab programme={p} />
        </Tabs.Panel>
        <Tabs.Panel value="indicators" pt="md">
          <IndicatorsTab programme={p} />
        </Tabs.Panel>
        <Tabs.Panel value="surveys" pt="md">
          <ProgrammeSurveysTab programme={p} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
