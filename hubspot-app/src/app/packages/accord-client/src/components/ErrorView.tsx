/** Errors as the card and the page show them: a whole-panel ErrorState for loads, an inline Alert for actions. */
import { Alert, Button, ErrorState, Text } from '@hubspot/ui-extensions';
import type { AccordApiError } from '../api/accord-api-error';
import { describeError } from '../describe-error';

interface ErrorViewProps {
  error: AccordApiError;
  onRetry?: () => void;
}

export function LoadError({ error, onRetry }: ErrorViewProps) {
  const { title, message, type, canRetry } = describeError(error);
  return (
    <ErrorState title={title} type={type}>
      <Text>{message}</Text>
      {canRetry && onRetry ? (
        <Button testId="retry" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </ErrorState>
  );
}

export function ActionError({ error, onRetry }: ErrorViewProps) {
  const { title, message, canRetry, type } = describeError(error);
  return (
    <Alert title={title} variant={type === 'lock' || !canRetry ? 'warning' : 'error'}>
      {message}
      {canRetry && onRetry ? (
        <Button testId="retry-action" size="xs" variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </Alert>
  );
}
