import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Link as RouterLink, Navigate, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { AppShell, type NavItem } from '@/app/app-shell';
import { composeFill } from '@/app/compose-fill';
import { macroFillSource } from '@/app/macro-fill';
import { similarFillSource } from '@/app/similar-fill';
import { assistFillSource } from '@/app/assist-fill';
import { AssistSummary } from '@/features/assist/components/assist-summary';
import { ErrorBoundary } from '@/components/error-boundary';
import { EmptyState, Loading } from '@/components/states';
import { setUnauthorizedHandler } from '@/lib/api-client';
import { isAdmin, isCustomer, isManagement, meQueryOptions, type SessionUser } from '@/features/auth/api/auth';
import { AgentAdmin } from '@/features/agents/components/agent-admin';
import { NotificationsPage } from '@/features/notifications/components/notifications-page';
import { AssignmentQueuePanel } from '@/features/stats/components/assignment-queue';
import { LoginForm } from '@/features/auth/components/login-form';
import { useSession } from '@/features/auth/components/session';
import { MailboxList } from '@/features/mailboxes/components/mailbox-list';
import { lifecyclePath } from '@/features/lifecycle/api/lifecycle';
import { LifecycleDialog } from '@/features/lifecycle/components/lifecycle-dialog';
import { TicketActivity } from '@/features/lifecycle/components/ticket-activity';
import { MacroList } from '@/features/macros/components/macro-list';
import { GroupList } from '@/features/groups/components/group-list';
import { SignaturesPage } from '@/features/signatures/components/signatures-page';
import { ApiTokensPage } from '@/features/tokens/components/api-tokens-page';
import { MyTicket, MyTickets, NewRequest } from '@/features/portal/components/portal-pages';
import { InvitationPage } from '@/features/portal/components/invitation-page';
import { CalendarEditor, CalendarEditorPage } from '@/features/sla/components/calendar-editor';
import { CalendarList } from '@/features/sla/components/calendar-list';
import { PolicyEditorPage } from '@/features/sla/components/policy-editor';
import { PolicyList } from '@/features/sla/components/policy-list';
import { RoutingRuleList } from '@/features/routing/components/routing-rule-list';
import { WebhooksPage } from '@/features/webhooks/components/webhooks-page';
import { ContactList } from '@/features/contacts/components/contact-list';
import { ContactPage } from '@/features/contacts/components/contact-page';
import { OrganizationList } from '@/features/organizations/components/organization-list';
import { OrganizationPage } from '@/features/organizations/components/organization-page';
import { NewTicketForm } from '@/features/tickets/components/new-ticket-form';
import { TicketDetail } from '@/features/tickets/components/ticket-detail';
import { TicketList } from '@/features/tickets/components/ticket-list';
import { useAssignableAgents } from '@/features/tickets/hooks/use-assignable-agents';

/**
 * The ticket list: managers and admins may share views; a bulk change may assign to the agents the
 * signed-in user's rights allow.
 */
const TicketListPage = () => {
  const { user } = useSession();
  return <TicketList canShareViews={isManagement(user)} agents={useAssignableAgents(user)} />;
};

/** Groups: every agent reads them, admins change them. */
const GroupsPage = () => <GroupList canEdit={isAdmin(useSession().user)} />;

/** The workspace pages a role may use. */
const agentNav = (user: SessionUser): NavItem[] => [
  { to: '/', label: 'Tickets' },
  { to: '/tickets/new', label: 'New ticket' },
  { to: '/mailboxes', label: 'Mailboxes' },
  { to: '/macros', label: 'Macros' },
  { to: '/organizations', label: 'Organizations' },
  { to: '/contacts', label: 'Contacts' },
  ...(isManagement(user) ? [{ to: '/stats', label: 'Statistics' }] : []),
  // Under "Settings" (see SettingsMenu): add a line here with `settings: true`.
  { to: '/settings/signatures', label: 'Signatures', settings: true },
  { to: '/settings/api-tokens', label: 'API tokens', settings: true },
  ...(isAdmin(user)
    ? [
        { to: '/agents', label: 'Agents', settings: true },
        { to: '/sla-policies', label: 'SLA policies', settings: true },
        { to: '/business-calendars', label: 'Calendars', settings: true },
        { to: '/groups', label: 'Groups', settings: true },
        { to: '/routing-rules', label: 'Routing', settings: true },
        { to: '/webhooks', label: 'Webhooks', settings: true },
      ]
    : []),
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
  const { user } = useSession();
  if (!user) return <Navigate to="/login" replace />;
  if (isCustomer(user)) return <Navigate to="/portal" replace />;
  if (allow && !allow(user)) return <Navigate to="/" replace />;
  return <AppShell nav={agentNav(user)}>{children}</AppShell>;
};

/** Signed-in people of any kind (notifications are for agents and customers alike). */
const SignedIn = ({ children }: { children: ReactNode }) => {
  const { user } = useSession();
  if (!user) return <Navigate to="/login" replace />;
  return <AppShell nav={isCustomer(user) ? CUSTOMER_NAV : agentNav(user)}>{children}</AppShell>;
};

const CustomerOnly = ({ children }: { children: ReactNode }) => {
  const { user } = useSession();
  if (!user) return <Navigate to="/login" replace />;
  if (!isCustomer(user)) return <Navigate to="/" replace />;
  return <AppShell nav={CUSTOMER_NAV}>{children}</AppShell>;
};

// A page inside its guard, so the route table below stays one line per route.
const agentOnly = (page: ReactNode, allow?: Guard['allow']) => <AgentOnly allow={allow}>{page}</AgentOnly>;
const signedIn = (page: ReactNode) => <SignedIn>{page}</SignedIn>;
const customerOnly = (page: ReactNode) => <CustomerOnly>{page}</CustomerOnly>;

const LoginPage = () => {
  const { user } = useSession();
  const navigate = useNavigate();
  if (user) return <Navigate to={isCustomer(user) ? '/portal' : '/'} replace />;
  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 1.5 }}
    >
      <LoginForm onSignedIn={(signedIn) => navigate(isCustomer(signedIn) ? '/portal' : '/', { replace: true })} />
    </Box>
  );
};

/** An emailed portal invitation: the contact sets a password and is signed in to the portal. */
const InvitationRoute = () => {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signedIn = (user: SessionUser) => {
    queryClient.setQueryData(meQueryOptions().queryKey, user);
    navigate('/portal', { replace: true });
  };
  return <InvitationPage token={useParams().token ?? ''} onSignedIn={signedIn} />;
};

// Add a source per line (assist, similar tickets): each gets the ticket and the one fill.
const ticketFillSource = composeFill(macroFillSource, assistFillSource, similarFillSource);

const TicketPage = () => {
  const number = Number(useParams().number);
  const { user } = useSession();
  const agents = useAssignableAgents(user);
  if (!Number.isInteger(number) || number <= 0) return <NotFound />;
  const mover = user ? { userId: user.id, management: isManagement(user) } : undefined;
  return (
    <TicketDetail
      key={number}
      number={number}
      agents={agents}
      fillSource={ticketFillSource}
      mover={mover}
      activity={isManagement(user) ? <TicketActivity number={number} /> : undefined}
      summary={<AssistSummary number={number} />}
    />
  );
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
    <StatsDashboard
      aside={
        <AssignmentQueuePanel
          lifecycle={<LifecycleDialog path={lifecyclePath.assigner()} title="Auto-assigner lifecycle" />}
        />
      }
    />
  </Suspense>
);

// Quarantined mail is for admins and managers (the API refuses agents).
const MailboxesPage = () => {
  const { user } = useSession();
  return (
    <MailboxList
      showQuarantine={isManagement(user)}
      lifecycle={
        isManagement(user)
          ? (mailbox) => (
              <LifecycleDialog
                path={lifecyclePath.mailbox(mailbox.id)}
                title={`Sync of ${mailbox.email ?? mailbox.grantId}`}
              />
            )
          : undefined
      }
    />
  );
};

// Every agent keeps personal macros; admins and managers also write the shared ones.
const MacrosPage = () => {
  const { user } = useSession();
  const agents = useAssignableAgents(user);
  return <MacroList canShare={isManagement(user)} agents={agents} />;
};

const SignaturesRoute = () => {
  const { user } = useSession();
  return <SignaturesPage canEditMailboxes={isAdmin(user)} />;
};

const ApiTokensRoute = () => <ApiTokensPage isAdmin={isAdmin(useSession().user)} />;

const AgentsPage = () => {
  const { user } = useSession();
  return <AgentAdmin canEdit={isAdmin(user)} />;
};

/** An id from the path, or undefined for anything but a positive integer. */
const useIdParam = () => {
  const id = Number(useParams().id);
  return Number.isInteger(id) && id > 0 ? id : undefined;
};

// Agents read organizations; admins and managers change them (the API refuses agents).
const OrganizationsPage = () => <OrganizationList canEdit={isManagement(useSession().user)} />;

const OrganizationRoute = () => {
  const id = useIdParam();
  const canEdit = isManagement(useSession().user);
  if (id === undefined) return <NotFound />;
  return <OrganizationPage key={id} id={id} canEdit={canEdit} />;
};

const ContactRoute = () => {
  const id = useIdParam();
  const canEdit = isManagement(useSession().user);
  if (id === undefined) return <NotFound />;
  return <ContactPage key={id} id={id} canEdit={canEdit} />;
};

const PolicyEditorRoute = ({ creating = false }: { creating?: boolean }) => {
  const navigate = useNavigate();
  const id = useIdParam();
  if (!creating && id === undefined) return <NotFound />;
  return <PolicyEditorPage key={id ?? 'new'} id={id} onDone={() => navigate('/sla-policies')} />;
};

const CalendarEditorRoute = ({ creating = false }: { creating?: boolean }) => {
  const navigate = useNavigate();
  const id = useIdParam();
  const done = () => navigate('/business-calendars');
  if (creating) return <CalendarEditor onDone={done} />;
  if (id === undefined) return <NotFound />;
  return <CalendarEditorPage key={id} id={id} onDone={done} />;
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

/** Every page inside an error boundary: a page that throws shows a way back, not a white page. */
export const AppRoutes = () => {
  const { pathname } = useLocation();
  return (
    <>
      <UnauthorizedRedirect />
      <ErrorBoundary resetKey={pathname}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/" element={agentOnly(<TicketListPage />)} />
          <Route path="/tickets/new" element={agentOnly(<NewTicketPage />)} />
          <Route path="/tickets/:number" element={agentOnly(<TicketPage />)} />
          <Route path="/mailboxes" element={agentOnly(<MailboxesPage />)} />
          <Route path="/macros" element={agentOnly(<MacrosPage />)} />
          <Route path="/organizations" element={agentOnly(<OrganizationsPage />)} />
          <Route path="/organizations/:id" element={agentOnly(<OrganizationRoute />)} />
          <Route path="/contacts" element={agentOnly(<ContactList />)} />
          <Route path="/contacts/:id" element={agentOnly(<ContactRoute />)} />
          <Route path="/settings/signatures" element={agentOnly(<SignaturesRoute />)} />
          <Route path="/settings/api-tokens" element={agentOnly(<ApiTokensRoute />)} />
          <Route path="/stats" element={agentOnly(<StatsPage />, isManagement)} />
          <Route path="/agents" element={agentOnly(<AgentsPage />, isAdmin)} />
          <Route path="/sla-policies" element={agentOnly(<PolicyList />, isAdmin)} />
          <Route path="/sla-policies/new" element={agentOnly(<PolicyEditorRoute creating />, isAdmin)} />
          <Route path="/sla-policies/:id" element={agentOnly(<PolicyEditorRoute />, isAdmin)} />
          <Route path="/business-calendars" element={agentOnly(<CalendarList />, isAdmin)} />
          <Route path="/business-calendars/new" element={agentOnly(<CalendarEditorRoute creating />, isAdmin)} />
          <Route path="/business-calendars/:id" element={agentOnly(<CalendarEditorRoute />, isAdmin)} />
          <Route path="/groups" element={agentOnly(<GroupsPage />)} />
          <Route path="/routing-rules" element={agentOnly(<RoutingRuleList />, isAdmin)} />
          <Route path="/webhooks" element={agentOnly(<WebhooksPage />, isAdmin)} />
          <Route path="/notifications" element={signedIn(<NotificationsRoute />)} />
          <Route path="/portal" element={customerOnly(<MyTickets />)} />
          <Route path="/portal/new" element={customerOnly(<NewRequestPage />)} />
          <Route path="/portal/tickets/:number" element={customerOnly(<MyTicketPage />)} />
          <Route path="/portal/invitation/:token" element={<InvitationRoute />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </ErrorBoundary>
    </>
  );
};
