import { PageHeader } from '../ui/Page';

export function ActionPage() {
  return <PageHeader title="ActionPage" />;
}
