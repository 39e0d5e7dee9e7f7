import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  getListGroupsQueryKey,
  useCreateGroup as useGeneratedCreate,
  useDeleteGroup as useGeneratedDelete,
  useUpdateGroup as useGeneratedUpdate,
} from '@/api/generated/endpoints/groups/groups';

// Every list of groups (all, the signed-in agent's) starts with this key.
const refreshGroups = (queryClient: QueryClient) =>
  void queryClient.invalidateQueries({ queryKey: getListGroupsQueryKey() });

export const useCreateGroup = () => {
  const queryClient = useQueryClient();
  return useGeneratedCreate({ mutation: { onSuccess: () => refreshGroups(queryClient) } });
};

export const useUpdateGroup = () => {
  const queryClient = useQueryClient();
  return useGeneratedUpdate({ mutation: { onSuccess: () => refreshGroups(queryClient) } });
};

export const useDeleteGroup = () => {
  const queryClient = useQueryClient();
  return useGeneratedDelete({ mutation: { onSuccess: () => refreshGroups(queryClient) } });
};
