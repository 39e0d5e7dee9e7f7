import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  getGetOrganizationQueryKey,
  getListOrganizationAssetsQueryKey,
  getListOrganizationsQueryKey,
  useCreateOrganization as useGeneratedCreate,
  useCreateOrganizationAsset as useGeneratedCreateAsset,
  useDeleteOrganizationAsset as useGeneratedDeleteAsset,
  useUpdateOrganization as useGeneratedUpdate,
  useUpdateOrganizationAsset as useGeneratedUpdateAsset,
} from '@/api/generated/endpoints/organizations/organizations';

const refreshOrganizations = (queryClient: QueryClient, id?: number) => {
  void queryClient.invalidateQueries({ queryKey: getListOrganizationsQueryKey() });
  if (id !== undefined) void queryClient.invalidateQueries({ queryKey: getGetOrganizationQueryKey(id) });
};

const refreshAssets = (queryClient: QueryClient, id: number) =>
  queryClient.invalidateQueries({ queryKey: getListOrganizationAssetsQueryKey(id) });

export const useCreateOrganization = (onDone: () => void) => {
  const queryClient = useQueryClient();
  return useGeneratedCreate({
    mutation: {
      onSuccess: () => {
        refreshOrganizations(queryClient);
        onDone();
      },
    },
  });
};

export const useUpdateOrganization = (onDone: () => void) => {
  const queryClient = useQueryClient();
  return useGeneratedUpdate({
    mutation: {
      onSuccess: (_data, { id }) => {
        refreshOrganizations(queryClient, id);
        onDone();
      },
    },
  });
};

export const useCreateAsset = (onDone: () => void) => {
  const queryClient = useQueryClient();
  return useGeneratedCreateAsset({
    mutation: {
      onSuccess: async (_data, { id }) => {
        await refreshAssets(queryClient, id);
        onDone();
      },
    },
  });
};

export const useUpdateAsset = (onDone: () => void) => {
  const queryClient = useQueryClient();
  return useGeneratedUpdateAsset({
    mutation: {
      onSuccess: async (_data, { id }) => {
        await refreshAssets(queryClient, id);
        onDone();
      },
    },
  });
};

export const useDeleteAsset = (onDone: () => void) => {
  const queryClient = useQueryClient();
  return useGeneratedDeleteAsset({
    mutation: {
      onSuccess: async (_data, { id }) => {
        await refreshAssets(queryClient, id);
        onDone();
      },
    },
  });
};
