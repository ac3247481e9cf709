import { PageHeader } from '../ui/Page';

export function DeviationPage() {
  return <PageHeader title="DeviationPage" />;
}
