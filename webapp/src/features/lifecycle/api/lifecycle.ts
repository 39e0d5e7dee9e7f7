import { useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';

/** What a workflow did, in plain words (GET …/lifecycle; see README, "Lifecycle view"). */
export type LifecycleKind =
  | 'STARTED'
  | 'SIGNAL_RECEIVED'
  | 'UPDATE_APPLIED'
  | 'UPDATE_REFUSED'
  | 'UPDATE_RUNNING'
  | 'TIMER_SET'
  | 'TIMER_FIRED'
  | 'TIMER_CANCELLED'
  | 'ACTIVITY_COMPLETED'
  | 'ACTIVITY_FAILED'
  | 'ACTIVITY_RUNNING'
  | 'CONTINUED_AS_NEW'
  | 'ENDED'
  | 'WORKFLOW_TASK_FAILED';

export type LifecycleEntry = {
  at: string;
  kind: LifecycleKind;
  title: string;
  detail?: string | null;
  runId: string;
  eventId: number;
};

export type LifecyclePage = {
  workflowId: string;
  temporalUiUrl?: string | null;
  entries: LifecycleEntry[];
  nextPageToken?: string | null;
};

/** The lifecycle endpoints: a ticket's workflow, a mailbox's sync, the assigner. */
export const lifecyclePath = {
  ticket: (number: number) => `/api/tickets/${number}/lifecycle`,
  mailbox: (id: number) => `/api/mailboxes/${id}/lifecycle`,
  assigner: () => '/api/assignment/lifecycle',
};

const PAGE_SIZE = 50;

/** Newest first, a page at a time; `fetchNextPage` reads older entries. */
export const useLifecycle = (path: string, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: ['lifecycle', path],
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      apiFetch<LifecyclePage>(
        `${path}?size=${PAGE_SIZE}${pageParam ? `&pageToken=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    getNextPageParam: (last) => last.nextPageToken ?? undefined,
  });
