import { PageHeader } from '../ui/Page';

export function ProgrammesPage() {
  return <PageHeader title="ProgrammesPage" />;
}
