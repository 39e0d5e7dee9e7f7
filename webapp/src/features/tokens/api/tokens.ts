import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  getListApiTokensQueryKey,
  useCreateApiToken as useGeneratedCreate,
  useRevokeApiToken as useGeneratedRevoke,
} from '@/api/generated/endpoints/api-tokens/api-tokens';

const refreshTokens = (queryClient: QueryClient) =>
  void queryClient.invalidateQueries({ queryKey: getListApiTokensQueryKey() });

/** Create a token; the answer carries its secret, which the page shows once. */
export const useCreateApiToken = () => {
  const queryClient = useQueryClient();
  return useGeneratedCreate({ mutation: { onSuccess: () => refreshTokens(queryClient) } });
};

export const useRevokeApiToken = () => {
  const queryClient = useQueryClient();
  return useGeneratedRevoke({ mutation: { onSuccess: () => refreshTokens(queryClient) } });
};

/** The scopes a token may carry, as the API names them, with what each opens. */
export const SCOPES: { value: string; label: string; adminOnly?: boolean }[] = [
  { value: 'tickets:read', label: 'tickets:read — list and read tickets, messages, events' },
  { value: 'tickets:write', label: 'tickets:write — create and change tickets, reply, add notes' },
  { value: 'people:read', label: 'people:read — read agents, contacts, organizations' },
  { value: 'people:write', label: 'people:write — change contacts and organizations' },
  { value: 'stats:read', label: 'stats:read — statistics' },
  { value: 'admin', label: 'admin — everything else (settings, agents, mailboxes)', adminOnly: true },
];
