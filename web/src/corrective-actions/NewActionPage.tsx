import { PageHeader } from '../ui/Page';

export function NewActionPage() {
  return <PageHeader title="NewActionPage" />;
}
