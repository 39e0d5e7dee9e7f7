import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { EmptyState } from '@/components/states';

type Props = {
  children: ReactNode;
  /** A new value (e.g. the path after navigating away) clears the error and renders again. */
  resetKey?: unknown;
};

type State = { failed: boolean };

/**
 * Catches a page that throws while rendering: instead of a white page, a short message with a way
 * back. React needs a class for this (there is no hook for getDerivedStateFromError). Give it the
 * path as `resetKey`, so "Back to the start" (or any navigation) shows the new page.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('A page failed to render', error, info.componentStack);
  }

  componentDidUpdate(previous: Props) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return <PageFailed onRetry={() => this.setState({ failed: false })} />;
  }
}

const PageFailed = ({ onRetry }: { onRetry: () => void }) => (
  <EmptyState>
    <Stack spacing={2} sx={{ alignItems: 'center' }} role="alert">
      <Typography variant="h5" component="h1">
        Something went wrong
      </Typography>
      <Typography>This page could not be shown. Try again, or go back to the start.</Typography>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={onRetry}>
          Try again
        </Button>
        <Button component={RouterLink} to="/">
          Back to the start
        </Button>
      </Stack>
    </Stack>
  </EmptyState>
);
