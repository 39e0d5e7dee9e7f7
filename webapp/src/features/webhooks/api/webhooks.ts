import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  getListWebhookDeliveriesQueryKey,
  getListWebhookSubscriptionsQueryKey,
  useCreateWebhookSubscription as useGeneratedCreate,
  useDeleteWebhookSubscription as useGeneratedDelete,
  useRedeliverWebhook as useGeneratedRedeliver,
  useRotateWebhookSecret as useGeneratedRotate,
  useUpdateWebhookSubscription as useGeneratedUpdate,
} from '@/api/generated/endpoints/webhook-subscriptions/webhook-subscriptions';
import { apiFetch } from '@/lib/api-client';

const refreshSubscriptions = (queryClient: QueryClient) =>
  void queryClient.invalidateQueries({ queryKey: getListWebhookSubscriptionsQueryKey() });

/** Create a subscription; the answer carries its secret, which the page shows once. */
export const useCreateWebhookSubscription = () => {
  const queryClient = useQueryClient();
  return useGeneratedCreate({ mutation: { onSuccess: () => refreshSubscriptions(queryClient) } });
};

export const useUpdateWebhookSubscription = () => {
  const queryClient = useQueryClient();
  return useGeneratedUpdate({ mutation: { onSuccess: () => refreshSubscriptions(queryClient) } });
};

export const useDeleteWebhookSubscription = () => {
  const queryClient = useQueryClient();
  return useGeneratedDelete({ mutation: { onSuccess: () => refreshSubscriptions(queryClient) } });
};

export const useRotateWebhookSecret = () => {
  const queryClient = useQueryClient();
  return useGeneratedRotate({ mutation: { onSuccess: () => refreshSubscriptions(queryClient) } });
};

/** A redelivery shows up in the log of its subscription. */
export const useRedeliverWebhook = (subscriptionId: number) => {
  const queryClient = useQueryClient();
  return useGeneratedRedeliver({
    mutation: {
      onSuccess: () =>
        void queryClient.invalidateQueries({ queryKey: getListWebhookDeliveriesQueryKey(subscriptionId) }),
    },
  });
};

/** What a subscription can subscribe to, as the API names it. */
export const EVENT_TYPES: { value: string; label: string }[] = [
  { value: 'ticket.created', label: 'Ticket created' },
  { value: 'ticket.updated', label: 'Ticket updated' },
  { value: 'ticket.closed', label: 'Ticket closed' },
  { value: 'ticket.assigned', label: 'Ticket assigned' },
  { value: 'message.received', label: 'Customer message received' },
  { value: 'message.sent', label: 'Reply sent' },
  { value: 'sla.warning', label: 'SLA warning' },
  { value: 'sla.breached', label: 'SLA breached' },
  { value: 'notification', label: 'Team notification (what the notification webhook got)' },
];

export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

/** A group a subscription may be narrowed to (`GET /api/groups`). */
export type GroupOption = { id: number; name: string };

export const useGroupOptions = () =>
  useQuery({ queryKey: ['/api/groups'], queryFn: () => apiFetch<GroupOption[]>('/api/groups') });
