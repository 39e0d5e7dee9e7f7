import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Link as RouterLink, Navigate, Route, Routes, useNavigate, useParams } from 'react-router';
import { AppShell, type NavItem } from '@/app/app-shell';
import { EmptyState, Loading } from '@/components/states';
import { features } from '@/config/api';
import { setUnauthorizedHandler } from '@/lib/api-client';
import { isAdmin, isCustomer, isManagement, meQueryOptions, type SessionUser } from '@/features/auth/api/auth';
import { AgentAdmin } from '@/features/agents/components/agent-admin';
import { NotificationsPage } from '@/features/notifications/components/notifications-page';
import { AssignmentQueuePanel } from '@/features/stats/components/assignment-queue';
import { LoginForm } from '@/features/auth/components/login-form';
import { useSession } from '@/features/auth/components/session';
import { MailboxList } from '@/features/mailboxes/components/mailbox-list';
import { MyTicket, MyTickets, NewRequest } from '@/features/portal/components/portal-pages';
import { NewTicketForm } from '@/features/tickets/components/new-ticket-form';
import { TicketDetail } from '@/features/tickets/components/ticket-detail';
import { TicketList } from '@/features/tickets/components/ticket-list';
import { useKnownAgents } from '@/features/tickets/hooks/use-known-agents';

/** The workspace pages a role may use (without sign-in, in an old backend: all that exist). */
const agentNav = (user: SessionUser | null): NavItem[] => [
  { to: '/', label: 'Tickets' },
  { to: '/tickets/new', label: 'New ticket' },
  ...(features.mailboxes ? [{ to: '/mailboxes', label: 'Mailboxes' }] : []),
  ...(features.stats && (!user || isManagement(user)) ? [{ to: '/stats', label: 'Statistics' }] : []),
  ...(features.agents && (!user || isAdmin(user)) ? [{ to: '/agents', label: 'Agents' }] : []),
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

type Guard = { children: ReactNode; allow?: (user: SessionUser) => boolean };

/** The workspace for staff; `allow` narrows a page to some roles (others go to the ticket list). */
const AgentOnly = ({ children, allow }: Guard) => {
  const { user, open } = useSession();
  if (open) return <AppShell nav={agentNav(null)}>{children}</AppShell>;
  if (!user) return <Navigate to="/login" replace />;
  if (isCustomer(user)) return <Navigate to="/portal" replace />;
  if (allow && !allow(user)) return <Navigate to="/" replace />;
  return <AppShell nav={agentNav(user)}>{children}</AppShell>;
};

/** Signed-in people of any kind (notifications are for agents and customers alike). */
const SignedIn = ({ children }: { children: ReactNode }) => {
  const { user, open } = useSession();
  if (open) return <AppShell nav={agentNav(null)}>{children}</AppShell>;
  if (!user) return <Navigate to="/login" replace />;
  return <AppShell nav={isCustomer(user) ? CUSTOMER_NAV : agentNav(user)}>{children}</AppShell>;
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

/** An AGENT may assign tickets only to themselves; managers and admins to any active agent. */
const useAssignableAgents = () => {
  const { user } = useSession();
  const agents = useKnownAgents();
  if (user?.role !== 'AGENT') return agents;
  return [{ id: user.id, name: `${user.displayName} (me)` }];
};

const TicketPage = () => {
  const number = Number(useParams().number);
  const agents = useAssignableAgents();
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

const NotificationsRoute = () => {
  const { user } = useSession();
  const navigate = useNavigate();
  return (
    <NotificationsPage
      ticketPath={(number) => (isCustomer(user) ? `/portal/tickets/${number}` : `/tickets/${number}`)}
      onNavigate={navigate}
    />
  );
};

// The charts library is large: loaded only when a manager opens the dashboard.
const StatsDashboard = lazy(() =>
  import('@/features/stats/components/stats-dashboard').then((module) => ({ default: module.StatsDashboard })),
);

const StatsPage = () => (
  <Suspense fallback={<Loading label="Loading the dashboard…" />}>
    <StatsDashboard aside={features.assignmentQueue ? <AssignmentQueuePanel /> : undefined} />
  </Suspense>
);

const AgentsPage = () => {
  const { user, open } = useSession();
  return <AgentAdmin canEdit={open || isAdmin(user)} />;
};

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
      {features.stats && <Route path="/stats" element={<AgentOnly allow={isManagement}><StatsPage /></AgentOnly>} />}
      {features.agents && <Route path="/agents" element={<AgentOnly allow={isAdmin}><AgentsPage /></AgentOnly>} />}
      {features.notifications && <Route path="/notifications" element={<SignedIn><NotificationsRoute /></SignedIn>} />}
      <Route path="/portal" element={<CustomerOnly><MyTickets /></CustomerOnly>} />
      <Route path="/portal/new" element={<CustomerOnly><NewRequestPage /></CustomerOnly>} />
      <Route path="/portal/tickets/:number" element={<CustomerOnly><MyTicketPage /></CustomerOnly>} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  </>
);
