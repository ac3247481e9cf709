import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { initialLanguage, switchLanguage } from './i18n/i18n';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { router } from './app/routes';
import { theme } from './app/theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // A problem document is an answer; asking again gives the same one. A lost connection is retried once.
      retry: (count, error) => !(error instanceof ApiError) && count < 1,
    },
  },
});

// No <style> elements of Mantine's own (the Content-Security-Policy allows style sheets from this
// origin only): the default theme's variables and the global classes come with its style sheet.
await switchLanguage(initialLanguage).catch(() => undefined);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} withCssVariables={false} withGlobalClasses={false} forceColorScheme="light">
      {/* Bottom right: a notification never covers the header's menu, language and sign-out buttons. */}
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
