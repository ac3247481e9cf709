import { PageHeader } from '../ui/Page';

export function ProceduresPage() {
  return <PageHeader title="ProceduresPage" />;
}
