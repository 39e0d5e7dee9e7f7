import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useGetTicketCustomerContext } from '@/api/generated/endpoints/tickets/tickets';
import { AppLink } from '@/components/app-link';
import type { TicketDto } from '@/api/generated/model';
import { ErrorState, Loading } from '@/components/states';
import { RelatedTickets } from '@/components/related-tickets';

const Part = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Stack spacing={0.5}>
    <Typography variant="subtitle2" component="h3">
      {title}
    </Typography>
    {children}
  </Stack>
);

/**
 * The customer around a ticket, each ticket one click away: the reporter's other tickets (open ones
 * first, then the recent closed ones), their organization's open tickets and the asset's history.
 */
export const CustomerContext = ({ ticket }: { ticket: TicketDto }) => {
  const context = useGetTicketCustomerContext(ticket.number);
  return (
    <Paper component="section" aria-label="Customer context" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        Customer
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        <AppLink to={`/contacts/${ticket.reporterId}`}>{ticket.reporterName}</AppLink>
        {ticket.organizationId != null && (
          <>
            {' · '}
            <AppLink to={`/organizations/${ticket.organizationId}`}>{ticket.organizationName}</AppLink>
          </>
        )}
      </Typography>
      {context.isPending ? (
        <Loading label="Loading the customer’s tickets…" />
      ) : context.isError ? (
        <ErrorState error={context.error} title="Could not load the customer’s tickets" />
      ) : (
        <Stack spacing={1.5}>
          <Part title={`Other tickets of ${ticket.reporterName}`}>
            <RelatedTickets
              tickets={context.data.reporterTickets}
              label="Other tickets of the reporter"
              empty="None: this is their first ticket."
            />
          </Part>
          {ticket.organizationId != null && (
            <Part title={`Open tickets of ${ticket.organizationName}`}>
              <RelatedTickets
                tickets={context.data.organizationTickets.filter((other) => other.status !== 'CLOSED')}
                label="Open tickets of the organization"
                empty="No other open tickets."
                showReporter
              />
            </Part>
          )}
          {ticket.assetId != null && (
            <Part title={`History of ${ticket.assetName}`}>
              <RelatedTickets
                tickets={context.data.assetTickets}
                label="Other tickets about the asset"
                empty="No other tickets about this asset."
                showReporter
              />
            </Part>
          )}
        </Stack>
      )}
    </Paper>
  );
};
