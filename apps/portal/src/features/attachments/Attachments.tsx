import {
  Button,
  FileButton,
  Group,
  List,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../components/DateText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { applicationQuery, downloadApplicationAttachment, type AttachmentView } from '../../lib/queries';
import { isolate } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import {
  ACCEPT,
  formatBytes,
  kindOf,
  MAX_ATTACHMENT_BYTES,
  percentSent,
  progressText,
  type UploadItem,
} from './attachment-rules';
import { useUploads } from './use-uploads';

/** Saves a file the API sends (with the bearer token, so not a plain link) under its own name. */
async function save(applicationId: string, file: AttachmentView): Promise<void> {
  const { data } = await downloadApplicationAttachment({
    path: { id: applicationId, attachmentId: file.id },
    parseAs: 'blob',
  });
  const url = URL.createObjectURL(data as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function UploadRow({
  item,
  onRetry,
  onDismiss,
}: {
  item: UploadItem;
  onRetry: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = progressText(item, locale, t);
  const color = item.status === 'done' ? 'green.9' : item.status === 'sending' ? 'un.8' : 'red.9';
  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {text}
        </Text>
        {item.status !== 'refused' && (
          <Progress.Root size="lg">
            <Progress.Section
              value={item.status === 'done' ? 100 : percentSent(item.sent, item.size)}
              color={color}
              aria-label={text}
            />
          </Progress.Root>
        )}
        <Group gap="xs">
          {item.status === 'failed' && (
            <Button size="xs" mih={24} onClick={onRetry}>
              {t('attachments.retry', { name: isolate(item.name) })}
            </Button>
          )}
          {item.status !== 'sending' && (
            <Button size="xs" mih={24} variant="subtle" onClick={onDismiss}>
              {t('attachments.dismiss', { name: isolate(item.name) })}
            </Button>
          )}
        </Group>
        {item.failure && (
          <Text size="sm" c="red.9">
            {t(item.failure, {
              name: isolate(item.name),
              kind: item.kind,
              size: formatBytes(item.size, locale),
            })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The files of a draft application: pick or drop files (the drop zone always has its button), each checked
 * before sending and sent resumably with a progress bar that names it, retried after a failure; and the
 * files already attached, each with its download. The NGO's application form embeds it.
 */
export function Attachments({
  applicationId,
  readOnly = false,
  headingOrder = 3,
}: {
  applicationId: string;
  readOnly?: boolean;
  /** The level of the component's heading where it is embedded (its list of files is one below). */
  headingOrder?: 2 | 3 | 4;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const titleId = useId();
  const application = useQuery(applicationQuery({ path: { id: applicationId } }));
  const { items, add, retry, dismiss } = useUploads(applicationId);
  const [over, setOver] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const latest = items.at(-1);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    add(Array.from(event.dataTransfer.files));
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId}>
      <Title order={headingOrder} id={titleId}>
        {t('attachments.title')}
      </Title>
      {!readOnly && (
        <>
          <Text size="sm">{t('attachments.rules', { max: formatBytes(MAX_ATTACHMENT_BYTES, locale) })}</Text>
          <Paper
            withBorder
            p="lg"
            className="drop-zone"
            data-over={over || undefined}
            onDragOver={(event: DragEvent<HTMLDivElement>) => {
              event.preventDefault();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={onDrop}
          >
            <Stack align="center" gap="xs">
              <Text size="sm">{t('attachments.dropHint')}</Text>
              <FileButton onChange={(files) => add(files)} accept={ACCEPT} multiple>
                {(props) => <Button {...props}>{t('attachments.choose')}</Button>}
              </FileButton>
            </Stack>
          </Paper>
        </>
      )}
      <VisuallyHidden role="status" aria-live="polite">
        {latest ? progressText(latest, locale, t) : ''}
      </VisuallyHidden>
      {items.length > 0 && (
        <Stack gap="xs">
          {items.map((item) => (
            <UploadRow
              key={item.key}
              item={item}
              onRetry={() => retry(item.key)}
              onDismiss={() => dismiss(item.key)}
            />
          ))}
        </Stack>
      )}
      <Title order={(headingOrder + 1) as 3 | 4 | 5}>{t('attachments.attached')}</Title>
      {application.error && (
        <ProblemAlert error={application.error} onRetry={() => void application.refetch()} />
      )}
      {downloadError !== null && <ProblemAlert error={downloadError} />}
      {application.data && (
        <Text size="sm">{t('attachments.count', { count: application.data.attachments.length })}</Text>
      )}
      {application.data && application.data.attachments.length > 0 && (
        <List spacing="xs">
          {application.data.attachments.map((file) => (
            <List.Item key={file.id}>
              <Group gap="xs" wrap="wrap">
                <Button
                  variant="subtle"
                  size="xs"
                  mih={24}
                  onClick={() => {
                    setDownloadError(null);
                    save(applicationId, file).catch(setDownloadError);
                  }}
                >
                  {t('attachments.download', { name: isolate(file.filename) })}
                </Button>
                <Text size="sm">
                  {t('attachments.facts', {
                    kind: kindOf(file.filename),
                    size: formatBytes(file.size, locale),
                  })}{' '}
                  <DateText value={file.createdAt} />
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
