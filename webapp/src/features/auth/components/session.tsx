import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { Loading, ErrorState } from '@/components/states';
import { features } from '@/config/api';
import { meQueryOptions, type SessionUser } from '@/features/auth/api/auth';

/**
 * Who is signed in. Without the login API (a backend built before security landed) everyone
 * works as an anonymous agent: `user` is null and `open` is true.
 */
type Session = { user: SessionUser | null; open: boolean };

const SessionContext = createContext<Session>({ user: null, open: true });

export const useSession = () => useContext(SessionContext);

export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const me = useQuery({ ...meQueryOptions(), enabled: features.login });
  if (!features.login) {
    return <SessionContext.Provider value={{ user: null, open: true }}>{children}</SessionContext.Provider>;
  }
  if (me.isPending) return <Loading label="Checking your session…" />;
  if (me.isError) return <ErrorState error={me.error} title="Could not reach Tempodesk" />;
  return <SessionContext.Provider value={{ user: me.data, open: false }}>{children}</SessionContext.Provider>;
};
