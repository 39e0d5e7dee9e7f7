import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';

export const renderWithQueries = (ui: ReactElement) => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
};

export type RecordedRequest = { url: string; method: string; headers: Headers; body: unknown };

const jsonOrText = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
};

/** Replaces fetch with one answering `respond`; returns the requests the UI made. */
export const stubFetch = (respond: (request: RecordedRequest) => { status: number; body: unknown }) => {
  const requests: RecordedRequest[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const request: RecordedRequest = {
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      // A multipart body (FormData) stays as it is, for the test to read its parts; so does text.
      body: init.body instanceof FormData ? init.body : init.body ? jsonOrText(String(init.body)) : undefined,
    };
    requests.push(request);
    const { status, body } = respond(request);
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  });
  return requests;
};
