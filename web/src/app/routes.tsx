import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, createBrowserRouter, isRouteErrorResponse, useRouteError } from 'react-router';
import { AuthProvider } from './auth';
import { Layout } from './Layout';
import { SignIn } from './SignIn';

function Root() {
  return (
    <AuthProvider>
      <Outlet />
    </AuthProvider>
  );
}

/** A page that failed to load or render: said in plain words, with a way back. */
function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <QueryErrorResetBoundary>
      <Stack p="md" maw={600}>
        <Title order={1}>{notFound ? t('page.notFound') : t('page.error')}</Title>
        <Alert color="red" role="alert">
          <Text size="sm">{notFound ? t('page.notFoundDetail') : t('page.errorDetail')}</Text>
        </Alert>
        <Button component={Link} to="/" w="fit-content">
          {t('nav.home')}
        </Button>
      </Stack>
    </QueryErrorResetBoundary>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1}>{t('page.notFound')}</Title>
      <Text>{t('page.notFoundDetail')}</Text>
    </Stack>
  );
}

// Feature pages load on demand: the sign-in page and the layout are all the first load needs.
const page = (load: () => Promise<Record<string, React.ComponentType>>, name: string) => async () => ({
  Component: (await load())[name],
});

export const router = createBrowserRouter([
  // A survey link (PUBLIC_URL/s/<token>, as the service hands it out and mails it) opens without
  // signing in, outside the console's frame; the page says every failure itself.
  { path: '/s/:token', lazy: page(() => import('../surveys/PublicSurveyPage'), 'PublicSurveyPage'), HydrateFallback: () => null },
  {
    element: <Root />,
    errorElement: <RouteError />,
    HydrateFallback: () => null,
    children: [
      { path: '/sign-in', element: <SignIn /> },
      {
        element: <Layout />,
        errorElement: <RouteError />,
        children: [
          { index: true, lazy: page(() => import('./Home'), 'Home') },
          { path: 'programmes', lazy: page(() => import('../programmes/ProgrammesPage'), 'ProgrammesPage') },
          { path: 'programmes/:id/:tab?', lazy: page(() => import('../programmes/ProgrammePage'), 'ProgrammePage') },
          {
            path: 'programmes/:id/participants/:participantId/attendance',
            lazy: page(() => import('../recurring/ParticipantAttendancePage'), 'ParticipantAttendancePage'),
          },
          { path: 'executions/:id/attendance', lazy: page(() => import('../recurring/AttendancePage'), 'AttendancePage') },
          { path: 'executions/:id', lazy: page(() => import('../executions/ExecutionPage'), 'ExecutionPage') },
          { path: 'deviations', lazy: page(() => import('../deviations/DeviationsPage'), 'DeviationsPage') },
          { path: 'deviations/new', lazy: page(() => import('../deviations/NewDeviationPage'), 'NewDeviationPage') },
          { path: 'deviations/:id', lazy: page(() => import('../deviations/DeviationPage'), 'DeviationPage') },
          { path: 'corrective-actions', lazy: page(() => import('../corrective-actions/ActionsPage'), 'ActionsPage') },
          { path: 'corrective-actions/new', lazy: page(() => import('../corrective-actions/NewActionPage'), 'NewActionPage') },
          { path: 'corrective-actions/:id', lazy: page(() => import('../corrective-actions/ActionPage'), 'ActionPage') },
          { path: 'procedures', lazy: page(() => import('../procedures/ProceduresPage'), 'ProceduresPage') },
          { path: 'procedures/new', lazy: page(() => import('../procedures/DraftEditorPage'), 'DraftEditorPage') },
          { path: 'procedures/:key/draft', lazy: page(() => import('../procedures/DraftEditorPage'), 'DraftEditorPage') },
          { path: 'procedures/:key/compare', lazy: page(() => import('../procedures/ComparePage'), 'ComparePage') },
          { path: 'procedures/:key', lazy: page(() => import('../procedures/ProcedurePage'), 'ProcedurePage') },
          { path: 'risks', lazy: page(() => import('../risks/RisksPage'), 'RisksPage') },
          { path: 'risks/new', lazy: page(() => import('../risks/NewRiskPage'), 'NewRiskPage') },
          { path: 'risks/:id', lazy: page(() => import('../risks/RiskPage'), 'RiskPage') },
          { path: 'surveys', lazy: page(() => import('../surveys/SurveysPage'), 'SurveysPage') },
          { path: 'surveys/free-text', lazy: page(() => import('../surveys/TextReviewPage'), 'TextReviewPage') },
          { path: 'surveys/:id', lazy: page(() => import('../surveys/SurveyPage'), 'SurveyPage') },
          { path: 'surveys/:id/results', lazy: page(() => import('../surveys/ResultsPage'), 'ResultsPage') },
          { path: 'surveys/:id/new-version', lazy: page(() => import('../surveys/NewVersionPage'), 'NewVersionPage') },
          { path: 'organisations', lazy: page(() => import('../organisations/OrganisationsPage'), 'OrganisationsPage') },
          { path: 'organisations/:id', lazy: page(() => import('../organisations/OrganisationPage'), 'OrganisationPage') },
          { path: 'documents', lazy: page(() => import('../documents/DocumentsPage'), 'DocumentsPage') },
          { path: 'documents/:id', lazy: page(() => import('../documents/DocumentPage'), 'DocumentPage') },
          { path: 'internal-audits', lazy: page(() => import('../internal-audits/AuditsPage'), 'AuditsPage') },
          { path: 'internal-audits/:id', lazy: page(() => import('../internal-audits/AuditPage'), 'AuditPage') },
          { path: 'audit-trail', lazy: page(() => import('../audit/AuditTrailPage'), 'AuditTrailPage') },
          { path: 'management-reviews', lazy: page(() => import('../management-reviews/ReviewsPage'), 'ReviewsPage') },
          { path: 'management-reviews/:id', lazy: page(() => import('../management-reviews/ReviewPage'), 'ReviewPage') },
          { path: 'reports', lazy: page(() => import('../reports/ReportsPage'), 'ReportsPage') },
          { path: 'users', lazy: page(() => import('../users/UsersPage'), 'UsersPage') },
          { path: 'training', lazy: page(() => import('../training/TrainingPage'), 'TrainingPage') },
          { path: 'account/password', lazy: page(() => import('../account/ChangePasswordPage'), 'ChangePasswordPage') },
          {
            path: 'account/notifications',
            lazy: page(() => import('../mail/NotificationPreferencesPage'), 'NotificationPreferencesPage'),
          },
          { path: 'admin/mail', lazy: page(() => import('../mail/MailFailuresPage'), 'MailFailuresPage') },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
