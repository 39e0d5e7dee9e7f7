import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '@/components/error-boundary';

let broken = true;
const Fragile = () => {
  if (broken) throw new Error('boom');
  return <p>The page</p>;
};

/** As in AppRoutes: the boundary starts over on every new path. */
const Pages = () => (
  <ErrorBoundary resetKey={useLocation().pathname}>
    <Routes>
      <Route path="/" element={<p>The start</p>} />
      <Route path="/tickets/7" element={<Fragile />} />
    </Routes>
  </ErrorBoundary>
);

const app = () =>
  render(
    <MemoryRouter initialEntries={['/tickets/7']}>
      <Pages />
    </MemoryRouter>,
  );

afterEach(() => {
  broken = true;
  vi.restoreAllMocks();
});

describe('error boundary', () => {
  it('shows a friendly message instead of a white page, and tries again on request', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    app();
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeInTheDocument();
    expect(screen.queryByText('boom')).not.toBeInTheDocument();

    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('The page')).toBeInTheDocument();
  });

  it('leads back to the start', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    app();
    await userEvent.click(screen.getByRole('link', { name: 'Back to the start' }));
    expect(screen.getByText('The start')).toBeInTheDocument();
  });
});
