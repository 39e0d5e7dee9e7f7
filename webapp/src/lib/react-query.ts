import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-client';

/** How often lists and tickets refresh themselves by polling while the live stream is down. */
export const LIVE_REFRESH_MS = 5000;

/** The safety-net poll while the live stream (GET /api/stream) is up and pushes every change. */
export const STREAM_FALLBACK_REFRESH_MS = 60_000;

let streamUp = false;

/** Set by the live-updates provider when its EventSource opens or fails. */
export const setLiveStreamUp = (up: boolean) => {
  streamUp = up;
};

export const isLiveStreamUp = () => streamUp;

/**
 * The refetch interval of the live screens (list, ticket, bell): a slow safety net while the stream
 * pushes changes, the 5-second poll while it is down. React Query asks again after every fetch.
 */
export const liveRefreshInterval = () => (streamUp ? STREAM_FALLBACK_REFRESH_MS : LIVE_REFRESH_MS);

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
