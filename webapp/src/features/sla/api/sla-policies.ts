import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  getListSlaPoliciesQueryKey,
  useCreateSlaPolicy as useGeneratedCreate,
  useDeleteSlaPolicy as useGeneratedDelete,
  useReorderSlaPolicies as useGeneratedReorder,
  useReplaceSlaPolicy as useGeneratedReplace,
} from '@/api/generated/endpoints/sla/sla';

const refreshPolicies = (queryClient: QueryClient) =>
  void queryClient.invalidateQueries({ queryKey: getListSlaPoliciesQueryKey() });

export const useCreateSlaPolicy = () => {
  const queryClient = useQueryClient();
  return useGeneratedCreate({ mutation: { onSuccess: () => refreshPolicies(queryClient) } });
};

export const useReplaceSlaPolicy = () => {
  const queryClient = useQueryClient();
  return useGeneratedReplace({ mutation: { onSuccess: () => refreshPolicies(queryClient) } });
};

export const useDeleteSlaPolicy = () => {
  const queryClient = useQueryClient();
  return useGeneratedDelete({ mutation: { onSuccess: () => refreshPolicies(queryClient) } });
};

/** The server answers with the list in its new order: shown at once, then refetched anyway. */
export const useReorderSlaPolicies = () => {
  const queryClient = useQueryClient();
  return useGeneratedReorder({
    mutation: {
      onSuccess: (policies) => {
        queryClient.setQueryData(getListSlaPoliciesQueryKey(), policies);
        refreshPolicies(queryClient);
      },
    },
  });
};
