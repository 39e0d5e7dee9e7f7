import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch } from '@/lib/api-client';

// The session contract of the "access" work (not in openapi.json yet, so written by hand;
// replace with the generated hooks once the snapshot has /api/auth/*).
export type Role = 'ADMIN' | 'MANAGER' | 'AGENT' | 'CUSTOMER';
export type SessionUser = {
  id: number;
  kind: 'AGENT' | 'CUSTOMER';
  role: Role;
  displayName: string;
  email: string;
};
export type LoginRequest = { email: string; password: string };

export const meQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'me'],
    queryFn: async () => {
      try {
        return await apiFetch<SessionUser>('/api/auth/me');
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
    mutationFn: (request: LoginRequest) =>
      apiFetch<SessionUser>('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      }),
    onSuccess: (user) => queryClient.setQueryData(meQueryOptions().queryKey, user),
  });
};

export const useLogout = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryOptions().queryKey, null);
    },
  });
};

export const isCustomer = (user: SessionUser | null | undefined) => user?.role === 'CUSTOMER';
