import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  getCsrfToken,
  getGetSessionQueryKey,
  getSession,
  login,
  logout,
} from '@/api/generated/endpoints/sign-in/sign-in';
import type { LoginRequest, SignedInDto } from '@/api/generated/model';
import { ApiError, readCookie } from '@/lib/api-client';

export type Role = 'ADMIN' | 'MANAGER' | 'AGENT' | 'CUSTOMER';
export type SessionUser = SignedInDto;

/** The signed-in person, or null when nobody is (the API answers 401). */
export const meQueryOptions = () =>
  queryOptions({
    queryKey: getGetSessionQueryKey(),
    queryFn: async (): Promise<SessionUser | null> => {
      try {
        return await getSession();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });

export const useLogin = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: LoginRequest) => {
      // Signing in is a state change too: it needs the CSRF cookie, which a first visit may lack.
      if (!readCookie('XSRF-TOKEN')) await getCsrfToken();
      return login(request);
    },
    // Not clear(): that would also drop this mutation and the session query the app is watching.
    // Sign-out already empties the cache, so nothing of a previous user is left here.
    onSuccess: (user) => queryClient.setQueryData(meQueryOptions().queryKey, user),
  });
};

export const useLogout = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => logout(),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryOptions().queryKey, null);
    },
  });
};

export const isCustomer = (user: SessionUser | null | undefined) => user?.role === 'CUSTOMER';

/** Managers and admins see statistics and the assignment queue. */
export const isManagement = (user: SessionUser | null | undefined) =>
  user?.role === 'MANAGER' || user?.role === 'ADMIN';

export const isAdmin = (user: SessionUser | null | undefined) => user?.role === 'ADMIN';
