import { createTheme } from '@mui/material/styles';

// Every colour below meets WCAG AA as text on white and on the page background (#f5f6fa): 4.5:1 or
// more, so it may colour small text (outlined chips, links), and white text on it (filled chips,
// buttons) too. MUI's default info (#0288d1, 3.9:1), warning (#ed6c02, 3.1:1) and a light teal
// secondary do not; the browser test's axe-core check fails on them (docs/accessibility.md).
export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: '#3949ab' }, // 7.7:1 on white
    secondary: { main: '#00695c' }, // 6.6:1
    info: { main: '#01579b' }, // 7.4:1
    warning: { main: '#a84300', contrastText: '#ffffff' }, // 6.1:1
    error: { main: '#c62828' }, // 5.6:1
    success: { main: '#2e7d32' }, // 5.1:1
    background: { default: '#f5f6fa' },
  },
  shape: { borderRadius: 8 },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiPaper: { defaultProps: { variant: 'outlined' } },
    // Every dialog fills a phone's screen (below sm), whatever its maxWidth or fullWidth.
    MuiDialog: {
      styleOverrides: {
        paper: ({ theme }) => ({
          [theme.breakpoints.down('sm')]: {
            margin: 0,
            width: '100%',
            maxWidth: '100%',
            height: '100%',
            maxHeight: '100%',
            borderRadius: 0,
          },
        }),
      },
    },
    // A letter avatar (e.g. in a chip) without a colour of its own: white on grey 700, 6.2:1
    // (MUI's default grey 600 on grey 400 is 3.3:1).
    MuiAvatar: {
      styleOverrides: {
        colorDefault: { backgroundColor: '#616161', color: '#ffffff' },
      },
    },
    // The same inside a chip, which sets its avatar's colours itself.
    MuiChip: {
      styleOverrides: {
        avatar: { backgroundColor: '#616161', color: '#ffffff' },
      },
    },
    // A visible keyboard focus everywhere, also where MUI shows only a faint ripple.
    MuiCssBaseline: {
      styleOverrides: {
        ':focus-visible': { outline: '2px solid #3949ab', outlineOffset: 2 },
      },
    },
  },
});
