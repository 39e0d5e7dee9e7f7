import Link from '@mui/material/Link';
import type { ReactNode } from 'react';
import { Link as RouterLink, useInRouterContext } from 'react-router';

/**
 * A link to a page of the app: client-side navigation inside the router, a plain link outside it
 * (components such as the ticket page are also rendered on their own, in tests).
 */
export const AppLink = ({ to, children }: { to: string; children: ReactNode }) =>
  useInRouterContext() ? (
    <Link component={RouterLink} to={to}>
      {children}
    </Link>
  ) : (
    <Link href={to}>{children}</Link>
  );
