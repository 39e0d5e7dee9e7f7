import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { useState, type ReactNode } from 'react';
import { Link as RouterLink, NavLink, useNavigate } from 'react-router';
import { useLogout } from '@/features/auth/api/auth';
import { useSession } from '@/features/auth/components/session';
import { SimulateEmailDialog } from '@/features/mailboxes/components/simulate-email-dialog';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { ShortcutsHelp } from '@/components/shortcuts-help';
import { BrowserNotificationsButton, useLiveUpdates } from '@/features/live/live-updates-provider';
import { HeaderMenu } from '@/app/header-menu';
import { SettingsMenu } from '@/app/settings-menu';

/** A page of the top bar; `settings` ones are under the Settings menu (all of them in the phone menu). */
export type NavItem = { to: string; label: string; settings?: boolean };

// White on the app bar; the active page a lighter band; a white focus ring (the theme's is indigo).
const onBar = { '&:focus-visible': { outline: '2px solid #fff', outlineOffset: -2 } };
const navButton = {
  ...onBar,
  color: 'inherit',
  whiteSpace: 'nowrap',
  flexShrink: 0,
  '&.active': { bgcolor: 'rgba(255,255,255,0.16)' },
};

/**
 * Top bar with the pages the signed-in role may use, then the page itself. Below the `md`
 * breakpoint (phones, small tablets) the pages, the demo mail and signing out fold into a menu.
 */
export const AppShell = ({ nav, children }: { nav: NavItem[]; children: ReactNode }) => {
  const { user } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const compact = useMediaQuery(useTheme().breakpoints.down('md'));
  const [simulating, setSimulating] = useState(false);
  const agent = user?.kind === 'AGENT';
  const ticketPath = (number: number) =>
    user?.role === 'CUSTOMER' ? `/portal/tickets/${number}` : `/tickets/${number}`;
  useLiveUpdates(user ? `${user.kind}:${user.id}` : undefined, (number) => navigate(ticketPath(number)));
  const signOut = () => logout.mutate(undefined, { onSettled: () => navigate('/login') });
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <AppBar position="sticky" elevation={0}>
        <Toolbar sx={{ gap: 1, px: { xs: 1, sm: 2 } }}>
          <Typography
            variant="h6"
            component={RouterLink}
            to="/"
            sx={{ ...onBar, color: 'inherit', textDecoration: 'none', mr: { xs: 'auto', md: 2 }, flexShrink: 0 }}
          >
            Tempodesk
          </Typography>
          {!compact && (
            <Box
              component="nav"
              aria-label="Main"
              sx={{ display: 'flex', gap: 1, minWidth: 0, flexGrow: 1, overflowX: 'auto' }}
            >
              {nav
                .filter((item) => !item.settings)
                .map((item) => (
                  <Button key={item.to} component={NavLink} to={item.to} end={item.to === '/'} sx={navButton}>
                    {item.label}
                  </Button>
                ))}
              {nav.some((item) => item.settings) && (
                <SettingsMenu items={nav.filter((item) => item.settings)} sx={navButton} />
              )}
            </Box>
          )}
          {agent && !compact && (
            <Button
              color="inherit"
              variant="outlined"
              onClick={() => setSimulating(true)}
              sx={{ ...onBar, whiteSpace: 'nowrap', flexShrink: 0 }}
            >
              Simulate customer email
            </Button>
          )}
          {user && <BrowserNotificationsButton />}
          {user && <NotificationBell ticketPath={ticketPath} onNavigate={navigate} />}
          {user && !compact && (
            <>
              <Typography variant="body2" noWrap sx={{ ml: 1 }}>
                {user.displayName}
              </Typography>
              <Button color="inherit" sx={{ ...onBar, whiteSpace: 'nowrap', flexShrink: 0 }} onClick={signOut}>
                Sign out
              </Button>
            </>
          )}
          {compact && (
            <HeaderMenu
              nav={nav}
              userName={user?.displayName}
              onSimulate={agent ? () => setSimulating(true) : undefined}
              onSignOut={user ? signOut : undefined}
            />
          )}
        </Toolbar>
      </AppBar>
      <Box component="main" sx={{ p: { xs: 1.5, sm: 3 }, maxWidth: 1600, mx: 'auto' }}>
        {children}
      </Box>
      <SimulateEmailDialog open={simulating} onClose={() => setSimulating(false)} />
      {agent && <ShortcutsHelp />}
    </Box>
  );
};
