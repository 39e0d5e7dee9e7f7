import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { Link as RouterLink, NavLink, useNavigate } from 'react-router';
import { useLogout } from '@/features/auth/api/auth';
import { useSession } from '@/features/auth/components/session';
import { SimulateEmailDialog } from '@/features/mailboxes/components/simulate-email-dialog';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { ShortcutsHelp } from '@/components/shortcuts-help';
import { BrowserNotificationsButton, useLiveUpdates } from '@/features/live/live-updates-provider';

export type NavItem = { to: string; label: string };

const navButton = { color: 'inherit', whiteSpace: 'nowrap', '&.active': { bgcolor: 'rgba(255,255,255,0.16)' } };

/** Top bar with the pages the signed-in role may use, then the page itself. */
export const AppShell = ({ nav, children }: { nav: NavItem[]; children: ReactNode }) => {
  const { user } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const [simulating, setSimulating] = useState(false);
  const agent = user?.kind === 'AGENT';
  const ticketPath = (number: number) =>
    user?.role === 'CUSTOMER' ? `/portal/tickets/${number}` : `/tickets/${number}`;
  useLiveUpdates(user ? `${user.kind}:${user.id}` : undefined, (number) => navigate(ticketPath(number)));
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <AppBar position="sticky" elevation={0}>
        <Toolbar component="nav" aria-label="Main" sx={{ gap: 1 }}>
          <Typography
            variant="h6"
            component={RouterLink}
            to="/"
            sx={{ color: 'inherit', textDecoration: 'none', mr: 2 }}
          >
            Tempodesk
          </Typography>
          {nav.map((item) => (
            <Button key={item.to} component={NavLink} to={item.to} end={item.to === '/'} sx={navButton}>
              {item.label}
            </Button>
          ))}
          <Box sx={{ flexGrow: 1 }} />
          {agent && (
            <Button
              color="inherit"
              variant="outlined"
              onClick={() => setSimulating(true)}
              sx={{ whiteSpace: 'nowrap' }}
            >
              Simulate customer email
            </Button>
          )}
          {user && <BrowserNotificationsButton />}
          {user && <NotificationBell ticketPath={ticketPath} onNavigate={navigate} />}
          {user && (
            <>
              <Typography variant="body2" noWrap sx={{ ml: 1 }}>
                {user.displayName}
              </Typography>
              <Button
                color="inherit"
                sx={{ whiteSpace: 'nowrap' }}
                onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
              >
                Sign out
              </Button>
            </>
          )}
        </Toolbar>
      </AppBar>
      <Box component="main" sx={{ p: 3, maxWidth: 1600, mx: 'auto' }}>
        {children}
      </Box>
      <SimulateEmailDialog open={simulating} onClose={() => setSimulating(false)} />
      {agent && <ShortcutsHelp />}
    </Box>
  );
};
