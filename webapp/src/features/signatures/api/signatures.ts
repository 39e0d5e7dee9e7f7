import { useQueryClient } from '@tanstack/react-query';
import {
  getGetMailboxSignatureQueryKey,
  getGetMySignatureQueryKey,
  useSetMailboxSignature as useGeneratedSetMailbox,
  useSetMySignature as useGeneratedSetMine,
} from '@/api/generated/endpoints/signatures/signatures';

/** Save the signed-in agent's signature; its query (and every reply preview) is refreshed. */
export const useSetMySignature = () => {
  const queryClient = useQueryClient();
  return useGeneratedSetMine({
    mutation: {
      onSuccess: (saved) => {
        queryClient.setQueryData(getGetMySignatureQueryKey(), saved);
        void queryClient.invalidateQueries({
          predicate: (query) => String(query.queryKey[0]).endsWith('/signature'),
        });
      },
    },
  });
};

/** Save a mailbox's footer (admins). */
export const useSetMailboxSignature = () => {
  const queryClient = useQueryClient();
  return useGeneratedSetMailbox({
    mutation: {
      onSuccess: (saved, { mailboxId }) => queryClient.setQueryData(getGetMailboxSignatureQueryKey(mailboxId), saved),
    },
  });
};
