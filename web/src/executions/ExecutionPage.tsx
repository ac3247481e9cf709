import { PageHeader } from '../ui/Page';

export function ExecutionPage() {
  return <PageHeader title="ExecutionPage" />;
}
