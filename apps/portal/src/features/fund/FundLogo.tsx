import { Alert, Button, Group, Image, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  deleteFundLogoMutation,
  getFundQueryKey,
  putFundLogoMutation,
} from '../../api/@tanstack/react-query.gen';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { download, DownloadError } from '../../lib/download';
import { isProblem } from '../../lib/problems';
import { useRoles } from './staff';

/** The logo's own words for the API's refusals of a file (its type or pixels; its size). */
function uploadProblemKey(error: unknown): string | undefined {
  if (!isProblem(error)) return undefined;
  if (error.type.endsWith('/unsupported-logo')) return 'fund.logo.unsupported';
  if (error.status === 413) return 'fund.logo.tooLarge';
  return undefined;
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(blob);
  });
}

/** The API's limit, checked here first so a too-large file is refused before it is sent. */
const MAX_BYTES = 512 * 1024;

/**
 * The fund's logo on the letterhead of its receipts, statements and agreements: a preview, and for fund
 * managers and admins a file field to upload or replace it (PNG or JPEG, at most 512 KiB, checked again by
 * the API by its bytes) and a button to remove it.
 */
export function FundLogo({
  fundId,
  fundName,
  hasLogo,
}: {
  fundId: string;
  fundName: string;
  hasLogo: boolean;
}) {
  const { t } = useTranslation();
  const roles = useRoles();
  const canEdit = roles.includes('fund_manager') || roles.includes('admin');
  const client = useQueryClient();
  const inputId = useId();
  const helpId = useId();
  const [tooLarge, setTooLarge] = useState(false);
  const key = ['fund-logo', fundId];
  // Fetched only when the fund says there is one (an upload or a removal here updates the fund in the
  // cache): asking for a logo that is not there would be a 404 in the browser's console.
  const logo = useQuery({
    queryKey: key,
    enabled: hasLogo,
    queryFn: async () => {
      try {
        // A data: address (the portal's policy allows data: images, not blob:).
        return await dataUrl((await download(`/api/funds/${fundId}/logo`)).blob);
      } catch (error) {
        if (error instanceof DownloadError && error.status === 404) return null;
        throw error;
      }
    },
  });
  const url = hasLogo ? (logo.data ?? null) : null;
  const changed = (now: boolean) => () => {
    if (now) void client.invalidateQueries({ queryKey: key });
    else client.removeQueries({ queryKey: key });
    client.setQueryData(
      getFundQueryKey({ path: { id: fundId } }),
      (fund) => fund && { ...fund, hasLogo: now },
    );
  };
  const upload = useMutation({ ...putFundLogoMutation(), onSuccess: changed(true) });
  const remove = useMutation({ ...deleteFundLogoMutation(), onSuccess: changed(false) });

  const choose = (file: File | undefined) => {
    setTooLarge(false);
    upload.reset();
    if (!file) return;
    if (file.size > MAX_BYTES) return setTooLarge(true);
    upload.mutate({ path: { id: fundId }, body: { file } });
  };

  return (
    <Section id="fund-logo" title={t('fund.logo.title')}>
      <Stack gap="sm" data-testid="fund-logo">
        <Text size="sm">{t('fund.logo.purpose')}</Text>
        {url ? (
          <Image
            src={url}
            alt={t('fund.logo.alt', { name: fundName })}
            fit="contain"
            data-testid="fund-logo-preview"
            style={{ blockSize: 96, inlineSize: 'auto', maxInlineSize: '100%', alignSelf: 'flex-start' }}
          />
        ) : (
          (!hasLogo || logo.isSuccess) && <Text c="dimmed">{t('fund.logo.none')}</Text>
        )}
        {logo.error && <ProblemAlert error={logo.error} />}
        {canEdit && (
          <Group gap="sm" align="end" wrap="wrap">
            <Stack gap={4} maw="100%" miw={0}>
              <label htmlFor={inputId}>
                <Text fw={600} size="sm" component="span">
                  {url ? t('fund.logo.replace') : t('fund.logo.upload')}
                </Text>
              </label>
              <input
                id={inputId}
                type="file"
                accept="image/png,image/jpeg"
                aria-describedby={helpId}
                disabled={upload.isPending}
                data-testid="fund-logo-input"
                style={{ maxInlineSize: '100%' }}
                onChange={(e) => {
                  choose(e.currentTarget.files?.[0]);
                  e.currentTarget.value = '';
                }}
              />
              <Text size="xs" c="dimmed" id={helpId}>
                {t('fund.logo.help')}
              </Text>
            </Stack>
            {url && (
              <Button
                variant="outline"
                color="red.9"
                loading={remove.isPending}
                onClick={() => remove.mutate({ path: { id: fundId } })}
              >
                {t('fund.logo.remove')}
              </Button>
            )}
          </Group>
        )}
        <div aria-live="polite">
          {upload.isSuccess && <Text size="sm">{t('fund.logo.saved')}</Text>}
          {remove.isSuccess && !url && <Text size="sm">{t('fund.logo.removed')}</Text>}
        </div>
        {tooLarge && (
          <Alert color="red.9" variant="outline" role="alert" data-testid="fund-logo-too-large">
            {t('fund.logo.tooLarge')}
          </Alert>
        )}
        {upload.error && <ProblemAlert error={upload.error} messageKey={uploadProblemKey(upload.error)} />}
        {remove.error && <ProblemAlert error={remove.error} />}
      </Stack>
    </Section>
  );
}
