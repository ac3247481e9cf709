import { PageHeader } from '../ui/Page';

export function ProcedurePage() {
  return <PageHeader title="ProcedurePage" />;
}
