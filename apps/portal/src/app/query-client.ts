import { QueryClient } from '@tanstack/react-query';

/** The one query cache: the providers hand it to React, and route loaders prefetch into it. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      retry: (count, error) => count < 2 && error instanceof TypeError,
    },
  },
});
