import { PageHeader } from '../ui/Page';

export function DeviationsPage() {
  return <PageHeader title="DeviationsPage" />;
}
