import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  getListRoutingRulesQueryKey,
  useCreateRoutingRule as useGeneratedCreate,
  useDeleteRoutingRule as useGeneratedDelete,
  useReorderRoutingRules as useGeneratedReorder,
  useUpdateRoutingRule as useGeneratedUpdate,
} from '@/api/generated/endpoints/routing/routing';
import { apiFetch } from '@/lib/api-client';

const refreshRules = (queryClient: QueryClient) =>
  void queryClient.invalidateQueries({ queryKey: getListRoutingRulesQueryKey() });

export const useCreateRoutingRule = () => {
  const queryClient = useQueryClient();
  return useGeneratedCreate({ mutation: { onSuccess: () => refreshRules(queryClient) } });
};

export const useUpdateRoutingRule = () => {
  const queryClient = useQueryClient();
  return useGeneratedUpdate({ mutation: { onSuccess: () => refreshRules(queryClient) } });
};

export const useDeleteRoutingRule = () => {
  const queryClient = useQueryClient();
  return useGeneratedDelete({ mutation: { onSuccess: () => refreshRules(queryClient) } });
};

/** The server answers with the list in its new order: shown at once, then refetched anyway. */
export const useReorderRoutingRules = () => {
  const queryClient = useQueryClient();
  return useGeneratedReorder({
    mutation: {
      onSuccess: (rules) => {
        queryClient.setQueryData(getListRoutingRulesQueryKey(), rules);
        refreshRules(queryClient);
      },
    },
  });
};

/** A group a rule may send tickets to (`GET /api/groups`, the groups feature's API). */
export type GroupOption = { id: number; name: string };

export const useGroupOptions = () =>
  useQuery({ queryKey: ['/api/groups'], queryFn: () => apiFetch<GroupOption[]>('/api/groups') });
