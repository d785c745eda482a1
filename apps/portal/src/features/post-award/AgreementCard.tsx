import { Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementVersionView } from '../../api/types.gen';
import { DateText } from '../../components/DateText';
import { DownloadButton } from '../../components/DownloadButton';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { agreementUrl, type PostAwardView } from './post-award-api';
import { StateBadge } from './PostAwardParts';

/** The one signature the side viewing gives: the grantee's named signatory signs, the fund manager countersigns. */
export type AgreementSignature = {
  /** Whether this side may sign now (the button shows beside the download only then). */
  may: boolean;
  /** Shown but not yet possible (the countersignature before the grantee signed). */
  disabled?: boolean;
  /** The button's words for the current version. */
  label: (current: AgreementVersionView) => string;
  pending: boolean;
  onSign: (current: AgreementVersionView) => void;
};

/**
 * The agreement as both sides of a grant see it (full workflow, ADR 0012): the current version, its language
 * and date, the start of its hash, both signatures' states, the download, and the viewer's own signature
 * button; `hint` is a line under them (whose signature is awaited), `error` the signature's refusal.
 */
export function AgreementCard({
  pa,
  signature,
  hint,
  error,
}: {
  pa: PostAwardView;
  signature: AgreementSignature;
  hint?: string | false;
  error: unknown;
}) {
  const { t } = useTranslation();
  const a = pa.agreement;
  const current = a.current;
  return (
    <Section id="pa-agreement" title={t('postAward.agreement.title')}>
      <Paper withBorder p="md">
        {!current ? (
          <Text>{t('postAward.agreement.notYet')}</Text>
        ) : (
          <Stack gap="xs">
            <Text>
              {t('postAward.agreement.version', { n: current.version })} ·{' '}
              {t(`postAward.languages.${current.language}`)} · <DateText value={current.generatedAt} />
            </Text>
            <Text size="sm">
              {t('postAward.agreement.hash')} <Code>{current.sha256.slice(0, 16)}</Code>
            </Text>
            <Group gap="xs">
              <StateBadge
                state={a.signedByGrantee ? 'grantee_signed' : 'grantee_unsigned'}
                testId="grantee-signature"
              />
              <StateBadge
                state={a.countersigned ? 'countersigned' : 'not_countersigned'}
                testId="countersignature"
              />
            </Group>
            <Group gap="sm">
              <DownloadButton
                url={agreementUrl(pa.grantId)}
                fallbackName={`agreement-v${current.version}.pdf`}
                testId="agreement-download"
              >
                {t('postAward.agreement.download')}
              </DownloadButton>
              {signature.may && (
                <Button
                  disabled={signature.disabled}
                  loading={signature.pending}
                  onClick={() => signature.onSign(current)}
                >
                  {signature.label(current)}
                </Button>
              )}
            </Group>
            {hint && <Text size="sm">{hint}</Text>}
            {Boolean(error) && <ProblemAlert error={error} />}
          </Stack>
        )}
      </Paper>
    </Section>
  );
}
