import { PageHeader } from '../ui/Page';

export function ProgrammePage() {
  return <PageHeader title="ProgrammePage" />;
}
