import { PageHeader } from '../ui/Page';

export function Home() {
  return <PageHeader title="Home" />;
}
