import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import {
  getListPortalInvitationsQueryKey,
  useListPortalInvitations,
  useSendPortalInvitation,
} from '@/api/generated/endpoints/contacts/contacts';
import type { PortalInvitationDto } from '@/api/generated/model';
import { formErrorsOf } from '@/lib/api-client';

const when = (at: string) => new Date(at).toLocaleString();

const stateOf = (invitation: PortalInvitationDto) =>
  invitation.acceptedAt
    ? `Invitation accepted ${when(invitation.acceptedAt)}.`
    : new Date(invitation.expiresAt) <= new Date()
      ? `Invitation sent ${when(invitation.sentAt)}, expired ${when(invitation.expiresAt)}.`
      : `Invitation sent ${when(invitation.sentAt)}, valid until ${when(invitation.expiresAt)}.`;

/** The latest portal invitation's state and, for managers and admins, a button that mails a new one. */
export const PortalInvitation = ({ contactId, canEdit }: { contactId: number; canEdit: boolean }) => {
  const queryClient = useQueryClient();
  const invitations = useListPortalInvitations(contactId);
  const send = useSendPortalInvitation({
    mutation: {
      onSuccess: () => queryClient.invalidateQueries({ queryKey: getListPortalInvitationsQueryKey(contactId) }),
    },
  });
  const { form: problem } = formErrorsOf(send.error, [] as const);
  const latest = invitations.data?.[0];
  return (
    <Stack spacing={1} sx={{ mt: 2 }}>
      <Typography variant="body2" color="text.secondary">
        {latest ? stateOf(latest) : 'No invitation sent.'}
      </Typography>
      {canEdit && (
        <div>
          <Button variant="outlined" loading={send.isPending} onClick={() => send.mutate({ id: contactId })}>
            Send portal invitation
          </Button>
        </div>
      )}
      {send.isSuccess && <Alert severity="success">Invitation mailed.</Alert>}
      {problem && <Alert severity="error">{problem}</Alert>}
    </Stack>
  );
};
