import { PageHeader } from '../ui/Page';

export function ActionsPage() {
  return <PageHeader title="ActionsPage" />;
}
