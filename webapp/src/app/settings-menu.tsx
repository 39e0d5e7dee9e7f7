import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { NavLink, matchPath, useLocation } from 'react-router';
import type { NavItem } from '@/app/app-shell';

type Props = { items: NavItem[]; sx: object };

/**
 * The top bar's "Settings": the pages a team sets up once and visits rarely (agents, SLA policies,
 * groups, routing, tokens …) in one menu, so the bar keeps the daily pages in view. The button is
 * marked active while one of its pages is open; arrow keys move through the menu, Escape closes it.
 */
export const SettingsMenu = ({ items, sx }: Props) => {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { pathname } = useLocation();
  const open = anchor !== null;
  const active = items.some((item) => matchPath({ path: item.to, end: false }, pathname));
  const close = () => setAnchor(null);
  return (
    <>
      <Button
        color="inherit"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? 'settings-menu-list' : undefined}
        className={active ? 'active' : undefined}
        endIcon={<ArrowDropDownIcon />}
        onClick={(event) => setAnchor(event.currentTarget)}
        sx={sx}
      >
        Settings
      </Button>
      <Menu
        id="settings-menu"
        anchorEl={anchor}
        open={open}
        onClose={close}
        slotProps={{ list: { id: 'settings-menu-list', 'aria-label': 'Settings' } }}
      >
        {items.map((item) => (
          <MenuItem key={item.to} component={NavLink} to={item.to} onClick={close}>
            {item.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
