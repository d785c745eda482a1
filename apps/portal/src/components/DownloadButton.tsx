import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deliverFile, DownloadError, type DownloadProgress, fetchFile, percentOf } from '../lib/download';
import { useCatalogPart } from '../lib/i18n/use-catalog-part';
import { problemKey } from '../lib/problems';

type State =
  | { step: 'idle' }
  | { step: 'running'; progress: DownloadProgress; slow: boolean }
  | { step: 'failed'; error: unknown };

/**
 * One download: a button; while the file comes, progress (after a second) and a Cancel button; when it
 * fails, why (the problem's title, translated by its type) and a Retry. Nothing else on the page waits.
 */
export function DownloadButton({
  url,
  label,
  fallbackName,
  mode = 'save',
  testId,
  variant = 'outline',
}: {
  url: string;
  label: string;
  fallbackName: string;
  mode?: 'save' | 'open';
  testId?: string;
  variant?: 'outline' | 'light' | 'filled' | 'subtle';
}) {
  const { t } = useTranslation();
  useCatalogPart('finance'); // its strings are the finance part's
  const [state, setState] = useState<State>({ step: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  async function start() {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'running', progress: { loaded: 0, total: null }, slow: false });
    const slow = setTimeout(() => setState((s) => (s.step === 'running' ? { ...s, slow: true } : s)), 1000);
    try {
      const file = await fetchFile(url, {
        signal: controller.signal,
        fallbackName,
        onProgress: (progress) => setState((s) => (s.step === 'running' ? { ...s, progress } : s)),
      });
      deliverFile(file, mode);
      setState({ step: 'idle' });
    } catch (error) {
      if (controller.signal.aborted) setState({ step: 'idle' });
      else setState({ step: 'failed', error });
    } finally {
      clearTimeout(slow);
      if (abort.current === controller) abort.current = null;
    }
  }

  const running = state.step === 'running';
  const percent = running ? percentOf(state.progress) : null;
  return (
    <Stack gap={4} className="download">
      <Group gap="xs" wrap="wrap">
        <Button
          variant={variant}
          size="sm"
          loading={running}
          onClick={() => void start()}
          data-testid={testId}
        >
          {label}
        </Button>
        {running && (
          <Button variant="subtle" size="sm" onClick={() => abort.current?.abort()}>
            {t('finance.download.cancel')}
          </Button>
        )}
      </Group>
      {running && state.slow && (
        <div role="status" aria-live="polite">
          {percent === null ? (
            <Text size="sm">{t('finance.download.preparing', { label })}</Text>
          ) : (
            <>
              <Text size="sm">{t('finance.download.progress', { label, percent })}</Text>
              <Progress value={percent} aria-label={label} size="sm" />
            </>
          )}
        </div>
      )}
      {state.step === 'failed' && (
        <Alert role="alert" color="red" variant="light" title={t('finance.download.failed', { label })}>
          <Text size="sm">
            {state.error instanceof DownloadError && state.error.problem?.title
              ? state.error.problem.title
              : t(problemKey(state.error instanceof DownloadError ? state.error.problem : state.error))}
          </Text>
          <Button variant="outline" color="red" size="xs" mt="xs" onClick={() => void start()}>
            {t('app.retry')}
          </Button>
        </Alert>
      )}
    </Stack>
  );
}
