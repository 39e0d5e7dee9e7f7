import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useGetTicket, useListTicketEvents, useListTicketMessages } from '@/api/generated/endpoints/tickets/tickets';
import { PriorityChip, StatusChip } from '@/components/status-chip';
import { ErrorState, Loading } from '@/components/states';
import { liveRefreshInterval } from '@/lib/react-query';
import { useRetryAttachment } from '@/features/tickets/api/retry-attachment';
import { useRetryReply } from '@/features/tickets/api/retry-reply';
import { AuditTimeline } from '@/features/tickets/components/audit-timeline';
import { ReplyBox } from '@/features/tickets/components/reply-box';
import { TagChips } from '@/features/tickets/components/tag-chips';
import { CustomerContext } from '@/features/tickets/components/customer-context';
import { SlaPanel } from '@/features/tickets/components/sla-panel';
import { Thread } from '@/components/thread';
import { PresenceBar } from '@/features/tickets/components/presence-bar';
import { UpdatePanel } from '@/features/tickets/components/update-panel';
import { useGroupChoice, type GroupMover } from '@/features/tickets/hooks/use-group-choice';
import { formatDateTime } from '@/utils/duration';
import { useState, type ReactNode } from 'react';
import type { TicketDto, TicketPatchRequest } from '@/api/generated/model';
import type { ReplyFill } from '@/features/tickets/components/reply-box';
import type { UpdateFill } from '@/features/tickets/components/update-panel';
import { formWith, type FilledChange } from '@/features/tickets/utils/update-rules';
import { DownloadLink } from '@/components/download-link';

/** What a macro fills in for review: the reply, the note and the change (PATCH-shaped). */
export type TicketFill = {
  reply: string;
  note: string;
  change: FilledChange & Pick<Partial<TicketPatchRequest>, 'addTags' | 'removeTags'>;
};

/** Renders something that fills the reply box and the update panel (the app passes the macro picker). */
export type FillSource = (ticket: TicketDto, fill: (filled: TicketFill) => void) => ReactNode;

const live = { query: { refetchInterval: liveRefreshInterval } };

type Props = {
  number: number;
  agents: { id: number; name: string }[];
  fillSource?: FillSource;
  /** The signed-in person, for the group change (managers, admins, the group's managers). */
  mover?: GroupMover;
  /** The workflow's Activity tab (admins and managers; composed in src/app). */
  activity?: ReactNode;
  /** Shown under the ticket's header, above the thread: assist's summary (composed in src/app). */
  summary?: ReactNode;
};

export const TicketDetail = ({ number, agents, fillSource, mover, activity, summary }: Props) => {
  const ticket = useGetTicket(number, live);
  const messages = useListTicketMessages(number, live);
  const events = useListTicketEvents(number, live);
  const retryReply = useRetryReply();
  const retryAttachment = useRetryAttachment();
  const groups = useGroupChoice(ticket.data, mover);
  // The last macro picked: fills the reply box and the update panel for review (nothing is sent).
  const [fill, setFill] = useState<{ reply: ReplyFill; update: UpdateFill }>();

  if (ticket.isPending) return <Loading label={`Loading ticket #${number}…`} />;
  if (ticket.isError) return <ErrorState error={ticket.error} title={`Could not load ticket #${number}`} />;
  const t = ticket.data;
  const fillIn = ({ reply, note, change }: TicketFill) => {
    const seq = (fill?.reply.seq ?? 0) + 1;
    setFill({
      reply: { seq, reply, note },
      update: { seq, form: formWith(t, change) },
    });
  };

  return (
    // Thread and side panel side by side; on a phone (below md) the side panel stacks under the thread.
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) 360px' },
        gap: 2,
        alignItems: 'start',
      }}
    >
      <Stack spacing={2} sx={{ minWidth: 0 }}>
        <Paper sx={{ p: 2 }}>
          <Box sx={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 1 }}>
            <Typography variant="h5" component="h1" sx={{ overflowWrap: 'anywhere' }}>
              #{t.number} {t.subject}
            </Typography>
            <DownloadLink href={`/api/tickets/${t.number}/export`}>Download JSON</DownloadLink>
          </Box>
          <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <StatusChip status={t.status} />
            <PriorityChip priority={t.priority} />
            <Typography variant="body2" color="text.secondary">
              {t.reporterName} &lt;{t.reporterEmail}&gt;
              {t.organizationName ? ` · ${t.organizationName}` : ''} · via {t.channel.toLowerCase()} · opened{' '}
              {formatDateTime(t.createdAt)}
              {t.assigneeName ? ` · assigned to ${t.assigneeName}` : ' · unassigned'}
              {t.groupName ? ` · group ${t.groupName}` : ''}
            </Typography>
          </Stack>
          <Box sx={{ mt: 1 }}>
            <TagChips tags={t.tags} />
          </Box>
          <PresenceBar number={number} />
        </Paper>
        {summary}
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
        {fillSource?.(t, fillIn)}
        <ReplyBox
          number={number}
          fill={fill?.reply}
          quoted={messages.data?.filter((message) => message.visibility !== 'INTERNAL').at(-1)}
        />
      </Stack>
      <Stack spacing={2} sx={{ minWidth: 0 }}>
        <SlaPanel ticket={t} fetchedAt={ticket.dataUpdatedAt} />
        <UpdatePanel ticket={t} agents={agents} fill={fill?.update} groups={groups} />
        <CustomerContext ticket={t} />
        {events.isPending ? (
          <Loading label="Loading history…" />
        ) : events.isError ? (
          <ErrorState error={events.error} title="Could not load the history" />
        ) : (
          <AuditTimeline events={events.data} />
        )}
        {activity}
      </Stack>
    </Box>
  );
};
