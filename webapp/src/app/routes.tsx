import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Link as RouterLink, Navigate, Route, Routes, useNavigate, useParams } from 'react-router';
import { AppShell, type NavItem } from '@/app/app-shell';
import { EmptyState } from '@/components/states';
import { features } from '@/config/api';
import { setUnauthorizedHandler } from '@/lib/api-client';
import { isCustomer, meQueryOptions } from '@/features/auth/api/auth';
import { LoginForm } from '@/features/auth/components/login-form';
import { useSession } from '@/features/auth/components/session';
import { MailboxList } from '@/features/mailboxes/components/mailbox-list';
import { MyTicket, MyTickets, NewRequest } from '@/features/portal/components/portal-pages';
import { NewTicketForm } from '@/features/tickets/components/new-ticket-form';
import { TicketDetail } from '@/features/tickets/components/ticket-detail';
import { TicketList } from '@/features/tickets/components/ticket-list';
import { useKnownAgents } from '@/features/tickets/hooks/use-known-agents';

const AGENT_NAV: NavItem[] = [
  { to: '/', label: 'Tickets' },
  { to: '/tickets/new', label: 'New ticket' },
  ...(features.mailboxes ? [{ to: '/mailboxes', label: 'Mailboxes' }] : []),
];
const CUSTOMER_NAV: NavItem[] = [{ to: '/portal', label: 'My tickets' }];

/** Any 401 (session expired, signed out elsewhere) sends the user to the login page. */
const UnauthorizedRedirect = () => {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      queryClient.setQueryData(meQueryOptions().queryKey, null);
      navigate('/login', { replace: true });
    });
  }, [navigate, queryClient]);
  return null;
};

const AgentOnly = ({ children }: { children: ReactNode }) => {
  const { user, open } = useSession();
  if (open) return <AppShell nav={AGENT_NAV}>{children}</AppShell>;
  if (!user) return <Navigate to="/login" replace />;
  if (isCustomer(user)) return <Navigate to="/portal" replace />;
  return <AppShell nav={AGENT_NAV}>{children}</AppShell>;
};

const CustomerOnly = ({ children }: { children: ReactNode }) => {
  const { user } = useSession();
  if (!features.portal) return <Navigate to="/" replace />;
  if (!user) return <Navigate to="/login" replace />;
  if (!isCustomer(user)) return <Navigate to="/" replace />;
  return <AppShell nav={CUSTOMER_NAV}>{children}</AppShell>;
};

const LoginPage = () => {
  const { user, open } = useSession();
  const navigate = useNavigate();
  if (open) return <Navigate to="/" replace />;
  if (user) return <Navigate to={isCustomer(user) ? '/portal' : '/'} replace />;
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default' }}>
      <LoginForm onSignedIn={(signedIn) => navigate(isCustomer(signedIn) ? '/portal' : '/', { replace: true })} />
    </Box>
  );
};

const TicketPage = () => {
  const number = Number(useParams().number);
  const agents = useKnownAgents();
  if (!Number.isInteger(number) || number <= 0) return <NotFound />;
  return <TicketDetail key={number} number={number} agents={agents} />;
};

const NewTicketPage = () => {
  const navigate = useNavigate();
  return <NewTicketForm onCreated={(ticket) => navigate(`/tickets/${ticket.number}`)} />;
};

const NewRequestPage = () => {
  const navigate = useNavigate();
  return <NewRequest onCreated={(number) => navigate(`/portal/tickets/${number}`)} />;
};

const MyTicketPage = () => <MyTicket number={Number(useParams().number)} />;

const NotFound = () => (
  <EmptyState>
    <Stack spacing={2} sx={{ alignItems: 'center' }}>
      <Typography variant="h5" component="h1">
        Page not found
      </Typography>
      <Button component={RouterLink} to="/">
        Back to the start
      </Button>
    </Stack>
  </EmptyState>
);

export const AppRoutes = () => (
  <>
    <UnauthorizedRedirect />
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/" element={<AgentOnly><TicketList /></AgentOnly>} />
      <Route path="/tickets/new" element={<AgentOnly><NewTicketPage /></AgentOnly>} />
      <Route path="/tickets/:number" element={<AgentOnly><TicketPage /></AgentOnly>} />
      {features.mailboxes && <Route path="/mailboxes" element={<AgentOnly><MailboxList /></AgentOnly>} />}
      <Route path="/portal" element={<CustomerOnly><MyTickets /></CustomerOnly>} />
      <Route path="/portal/new" element={<CustomerOnly><NewRequestPage /></CustomerOnly>} />
      <Route path="/portal/tickets/:number" element={<CustomerOnly><MyTicketPage /></CustomerOnly>} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  </>
);
