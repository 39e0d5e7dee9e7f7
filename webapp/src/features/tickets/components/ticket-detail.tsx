import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useGetTicket, useListTicketEvents, useListTicketMessages } from '@/api/generated/endpoints/tickets/tickets';
import { PriorityChip, StatusChip } from '@/components/status-chip';
import { ErrorState, Loading } from '@/components/states';
import { LIVE_REFRESH_MS } from '@/lib/react-query';
import { useRetryAttachment } from '@/features/tickets/api/retry-attachment';
import { useRetryReply } from '@/features/tickets/api/retry-reply';
import { AuditTimeline } from '@/features/tickets/components/audit-timeline';
import { ReplyBox } from '@/features/tickets/components/reply-box';
import { TagChips } from '@/features/tickets/components/tag-chips';
import { SlaPanel } from '@/features/tickets/components/sla-panel';
import { Thread } from '@/components/thread';
import { UpdatePanel } from '@/features/tickets/components/update-panel';
import { formatDateTime } from '@/utils/duration';

const live = { query: { refetchInterval: LIVE_REFRESH_MS } };

export const TicketDetail = ({ number, agents }: { number: number; agents: { id: number; name: string }[] }) => {
  const ticket = useGetTicket(number, live);
  const messages = useListTicketMessages(number, live);
  const events = useListTicketEvents(number, live);
  const retryReply = useRetryReply();
  const retryAttachment = useRetryAttachment();

  if (ticket.isPending) return <Loading label={`Loading ticket #${number}…`} />;
  if (ticket.isError) return <ErrorState error={ticket.error} title={`Could not load ticket #${number}`} />;
  const t = ticket.data;

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 360px', gap: 2, alignItems: 'start' }}>
      <Stack spacing={2} sx={{ minWidth: 0 }}>
        <Paper sx={{ p: 2 }}>
          <Typography variant="h5" component="h1" sx={{ overflowWrap: 'anywhere' }}>
            #{t.number} {t.subject}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <StatusChip status={t.status} />
            <PriorityChip priority={t.priority} />
            <Typography variant="body2" color="text.secondary">
              {t.reporterName} &lt;{t.reporterEmail}&gt;
              {t.organizationName ? ` · ${t.organizationName}` : ''} · via {t.channel.toLowerCase()} · opened{' '}
              {formatDateTime(t.createdAt)}
              {t.assigneeName ? ` · assigned to ${t.assigneeName}` : ' · unassigned'}
            </Typography>
          </Stack>
          <Box sx={{ mt: 1 }}>
            <TagChips tags={t.tags} />
          </Box>
        </Paper>
        {messages.isPending ? (
          <Loading label="Loading the conversation…" />
        ) : messages.isError ? (
          <ErrorState error={messages.error} title="Could not load the conversation" />
        ) : (
          <Thread
            messages={messages.data}
            retry={{
              // Same Idempotency-Key as the first attempt: never mailed twice.
              retry: (messageId) => retryReply.mutate({ number, messageId }),
              pendingId: retryReply.isPending ? retryReply.variables?.messageId : undefined,
            }}
            retryAttachment={{
              retry: (attachmentId) => retryAttachment.mutate({ number, attachmentId }),
              pendingId: retryAttachment.isPending ? retryAttachment.variables?.attachmentId : undefined,
            }}
          />
        )}
        <ReplyBox number={number} />
      </Stack>
      <Stack spacing={2}>
        <SlaPanel ticket={t} fetchedAt={ticket.dataUpdatedAt} />
        <UpdatePanel ticket={t} agents={agents} />
        {events.isPending ? (
          <Loading label="Loading history…" />
        ) : events.isError ? (
          <ErrorState error={events.error} title="Could not load the history" />
        ) : (
          <AuditTimeline events={events.data} />
        )}
      </Stack>
    </Box>
  );
};
