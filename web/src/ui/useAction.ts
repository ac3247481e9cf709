import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import i18n from '../i18n/i18n';

/**
 * A user action that changes something: runs once, then refreshes what it changed and says so.
 * The error stays on the mutation for the form to show (ProblemAlert, field errors).
 */
export function useAction<TArgs, TResult>(
  run: (args: TArgs) => Promise<TResult>,
  opts: {
    invalidates: QueryKey[];
    /** What to say when it worked; a function when that depends on the answer. */
    done?: string | ((result: TResult) => string);
    /** The answer is the new state of this query. */
    sets?: QueryKey;
  },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      if (opts.sets) queryClient.setQueryData(opts.sets, result);
      await Promise.all(opts.invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      const message = typeof opts.done === 'function' ? opts.done(result) : opts.done;
      if (message) notifications.show({ message, color: 'green', closeButtonProps: { 'aria-label': i18n.t('action.dismiss') } });
    },
  });
}
