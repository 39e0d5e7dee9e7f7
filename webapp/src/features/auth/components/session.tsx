import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { Loading, ErrorState } from '@/components/states';
import { meQueryOptions, type SessionUser } from '@/features/auth/api/auth';

/** Who is signed in: null until someone signs in (the login page is then the only way in). */
type Session = { user: SessionUser | null };

const SessionContext = createContext<Session>({ user: null });

export const useSession = () => useContext(SessionContext);

export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const me = useQuery(meQueryOptions());
  if (me.isPending) return <Loading label="Checking your session…" />;
  if (me.isError) return <ErrorState error={me.error} title="Could not reach Tempodesk" />;
  return <SessionContext.Provider value={{ user: me.data }}>{children}</SessionContext.Provider>;
};
