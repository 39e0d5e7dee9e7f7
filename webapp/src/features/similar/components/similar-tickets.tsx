import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useListSimilarTickets } from '@/api/generated/endpoints/tickets/tickets';
import type { SimilarTicketDto } from '@/api/generated/model';
import { AppLink } from '@/components/app-link';
import { ErrorState, Loading } from '@/components/states';
import { formatDateTime } from '@/utils/duration';

/** How many suggestions the ticket page shows. */
const SHOWN = 5;
/** How much of a past reply the panel shows; "Use this reply" fills all of it. */
const EXCERPT = 240;

type Props = {
  number: number;
  /** A past reply's text: the page fills the reply box with it for review (nothing is sent). */
  onUseReply: (text: string) => void;
};

const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()}…` : text);

/**
 * "Similar solved tickets" on the ticket page: past tickets solved like this one could be, found by
 * full-text search (no language model needed), each with the reply that solved it. "Use this reply"
 * puts that reply in the reply box for the agent to adapt and send.
 */
export const SimilarTickets = ({ number, onUseReply }: Props) => {
  const similar = useListSimilarTickets(number, { limit: SHOWN });
  const [used, setUsed] = useState<number>();
  const use = (found: SimilarTicketDto) => {
    if (!found.reply) return;
    onUseReply(found.reply.text);
    setUsed(found.number);
  };
  return (
    <Paper component="section" aria-label="Similar solved tickets" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        Similar solved tickets
      </Typography>
      {similar.isPending ? (
        <Loading label="Looking for similar solved tickets…" />
      ) : similar.isError ? (
        <ErrorState error={similar.error} title="Could not look for similar tickets" />
      ) : similar.data.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No solved ticket is like this one yet.
        </Typography>
      ) : (
        <Stack component="ul" spacing={1.5} sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {similar.data.map((found) => (
            <Stack component="li" key={found.number} spacing={0.5} aria-label={`Similar ticket #${found.number}`}>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                <AppLink to={`/tickets/${found.number}`}>
                  #{found.number} {found.subject}
                </AppLink>
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {found.resolution === 'WORKAROUND' ? 'Worked around' : 'Solved'}
                {found.closedAt ? ` ${formatDateTime(found.closedAt)}` : ''}
                {found.reply?.agentName ? ` · replied by ${found.reply.agentName}` : ''}
              </Typography>
              {found.reply ? (
                <>
                  <Typography
                    variant="body2"
                    color="text.secondary"
                    sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}
                  >
                    {excerpt(found.reply.text)}
                  </Typography>
                  <div>
                    <Button
                      size="small"
                      variant="outlined"
                      aria-label={`Use this reply (#${found.number})`}
                      onClick={() => use(found)}
                    >
                      Use this reply
                    </Button>
                  </div>
                </>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  Solved without a public reply.
                </Typography>
              )}
            </Stack>
          ))}
        </Stack>
      )}
      {used != null && (
        <Alert severity="info" role="status" sx={{ mt: 1 }}>
          Filled in the reply of #{used}: review and adapt it, then Send reply.
        </Alert>
      )}
    </Paper>
  );
};
