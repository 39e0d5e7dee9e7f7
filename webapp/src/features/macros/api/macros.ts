import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  getListMacrosQueryKey,
  useCreateMacro as useGeneratedCreate,
  useDeleteMacro as useGeneratedDelete,
  usePreviewMacro as useGeneratedPreview,
  useReplaceMacro as useGeneratedReplace,
} from '@/api/generated/endpoints/macros/macros';

const refreshMacros = (queryClient: QueryClient) =>
  void queryClient.invalidateQueries({ queryKey: getListMacrosQueryKey() });

export const useCreateMacro = () => {
  const queryClient = useQueryClient();
  return useGeneratedCreate({ mutation: { onSuccess: () => refreshMacros(queryClient) } });
};

export const useReplaceMacro = () => {
  const queryClient = useQueryClient();
  return useGeneratedReplace({ mutation: { onSuccess: () => refreshMacros(queryClient) } });
};

export const useDeleteMacro = () => {
  const queryClient = useQueryClient();
  return useGeneratedDelete({ mutation: { onSuccess: () => refreshMacros(queryClient) } });
};

/** The macro rendered for one ticket; changes nothing on the server. */
export const usePreviewMacro = () => useGeneratedPreview();
