import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-client';

/** How often lists and tickets refresh themselves (live updates by polling). */
export const LIVE_REFRESH_MS = 5000;

export const createQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 2000,
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
