import './download.css';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { download, DownloadError, percentOf, saveFile, type DownloadProgress } from '../lib/download';
import { formatNumber } from '../lib/format';
import { useLocale } from '../lib/use-locale';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; progress: DownloadProgress }
  | { kind: 'done' }
  | { kind: 'failed'; error: unknown };

/** Why a download failed, in the reader's words, with the server's own detail when it gave one. */
function useReason(error: unknown): string {
  const { t } = useTranslation();
  if (error instanceof DownloadError) {
    if (error.status === null) return t('download.network');
    const detail = error.problem?.detail ?? error.problem?.title;
    return detail
      ? t('download.refusedWith', { status: error.status, detail })
      : t('download.refused', { status: error.status });
  }
  return t('download.network');
}

function Failure({
  error,
  onRetry,
  onDismiss,
}: {
  error: unknown;
  onRetry: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const reason = useReason(error);
  return (
    <Alert role="alert" color="red" variant="light" title={t('download.failed')} p="xs">
      <Text size="sm" data-testid="download-reason">
        {reason}
      </Text>
      <Group gap="xs" mt="xs">
        <Button size="xs" color="red" variant="outline" onClick={onRetry}>
          {t('download.retry')}
        </Button>
        <Button size="xs" variant="subtle" color="gray.8" onClick={onDismiss}>
          {t('download.dismiss')}
        </Button>
      </Group>
    </Alert>
  );
}

/**
 * A button that downloads a file from the API with the reader's token: while it runs, a progress bar (how
 * much of how much, or indeterminate when the size is unknown) and a Cancel button; when it fails, why (the
 * server's problem) and a Retry button. The file is handed to the browser to save when complete.
 */
export function DownloadButton({
  url,
  children,
  fallbackName,
  onDownloaded,
  size = 'sm',
  variant = 'light',
  testId,
}: {
  url: string;
  children: ReactNode;
  fallbackName?: string;
  /** Called with the file instead of saving it (a page that reads it); saved by default. */
  onDownloaded?: (file: Awaited<ReturnType<typeof download>>) => void;
  size?: 'xs' | 'sm' | 'md';
  variant?: 'light' | 'outline' | 'filled' | 'subtle';
  testId?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = () => {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    setState({ kind: 'running', progress: { loaded: 0, total: null } });
    download(url, {
      signal: c.signal,
      fallbackName,
      onProgress: (progress) => setState({ kind: 'running', progress }),
    })
      .then((file) => {
        if (c.signal.aborted) return;
        (onDownloaded ?? saveFile)(file);
        setState({ kind: 'done' });
      })
      .catch((error: unknown) => {
        if (c.signal.aborted) return;
        setState({ kind: 'failed', error });
      });
  };
  const cancel = () => {
    controller.current?.abort();
    setState({ kind: 'idle' });
  };

  if (state.kind === 'running') {
    const { loaded, total } = state.progress;
    const percent = percentOf(state.progress);
    const kb = (n: number) => formatNumber(Math.ceil(n / 1024), locale);
    const label = t('download.progressOf', { name: String(children) });
    return (
      <Stack gap={4} data-testid="download-running">
        <progress
          className="download-progress"
          aria-label={label}
          max={percent === null ? undefined : 100}
          value={percent === null ? undefined : percent}
        />
        <Group gap="xs" wrap="wrap">
          <Text size="sm" aria-live="polite">
            {total === null
              ? t('download.receivedKb', { loaded: kb(loaded) })
              : t('download.receivedOf', { loaded: kb(loaded), total: kb(total) })}
          </Text>
          <Button size="xs" variant="outline" onClick={cancel}>
            {t('download.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap={4} align="flex-start">
      <Button size={size} variant={variant} onClick={start} data-testid={testId}>
        {children}
      </Button>
      {state.kind === 'failed' && (
        <Failure error={state.error} onRetry={start} onDismiss={() => setState({ kind: 'idle' })} />
      )}
      {state.kind === 'done' && (
        <Text size="xs" aria-live="polite" className="download-sr-only">
          {t('download.done')}
        </Text>
      )}
    </Stack>
  );
}
