import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import MenuIcon from '@mui/icons-material/Menu';
import { useState } from 'react';
import { NavLink } from 'react-router';
import type { NavItem } from '@/app/app-shell';

type Props = {
  nav: NavItem[];
  userName?: string;
  /** Agents may mail the demo mailbox from here; left out for customers. */
  onSimulate?: () => void;
  onSignOut?: () => void;
};

/**
 * The header on a phone: one "Menu" button (aria-expanded, reachable with Tab, opened with Enter or
 * Space) with the pages, the demo mail and signing out; arrow keys move through it, Escape closes it
 * and gives the focus back to the button.
 */
export const HeaderMenu = ({ nav, userName, onSimulate, onSignOut }: Props) => {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const open = anchor !== null;
  const close = () => setAnchor(null);
  const then = (action: () => void) => () => {
    close();
    action();
  };
  return (
    <>
      <IconButton
        color="inherit"
        aria-label="Menu"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? 'header-menu-list' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
        sx={{ '&:focus-visible': { outline: '2px solid #fff' } }}
      >
        <MenuIcon />
      </IconButton>
      <Menu
        id="header-menu"
        anchorEl={anchor}
        open={open}
        onClose={close}
        slotProps={{ list: { id: 'header-menu-list', 'aria-label': 'Main' } }}
      >
        {nav.map((item) => (
          <MenuItem key={item.to} component={NavLink} to={item.to} end={item.to === '/'} onClick={close}>
            {item.label}
          </MenuItem>
        ))}
        {(onSimulate || onSignOut) && <Divider />}
        {onSimulate && <MenuItem onClick={then(onSimulate)}>Simulate customer email</MenuItem>}
        {onSignOut && (
          <MenuItem onClick={then(onSignOut)}>
            <ListItemText primary="Sign out" secondary={userName} />
          </MenuItem>
        )}
      </Menu>
    </>
  );
};
