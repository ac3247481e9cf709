import { PageHeader } from '../ui/Page';

export function NewDeviationPage() {
  return <PageHeader title="NewDeviationPage" />;
}
