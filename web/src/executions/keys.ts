export const executionKey = (id: string) => ['executions', id] as const;
