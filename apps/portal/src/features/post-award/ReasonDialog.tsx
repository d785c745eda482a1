import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Dialog } from '../../components/Dialog';

interface ReasonDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What the step does and that it cannot be undone. */
  warning: string;
  /** The id of the reason's field (the browser tests and labels find it by it). */
  inputId: string;
  reason: string;
  onReason: (reason: string) => void;
  error: unknown;
  pending: boolean;
  confirmLabel: string;
  cancelLabel: string;
  /** Called with the reason, trimmed (never empty: the button waits for one). */
  onConfirm: (reason: string) => void;
}

/** A step that releases money (declining or withdrawing an award): a warning, a required reason, confirm. */
export function ReasonDialog(props: ReasonDialogProps) {
  const { t } = useTranslation();
  const { reason } = props;
  return (
    <Dialog opened={props.opened} onClose={props.onClose} title={props.title}>
      <Stack gap="sm">
        <Text>{props.warning}</Text>
        {props.error ? <ProblemAlert error={props.error} /> : null}
        <Textarea
          id={props.inputId}
          label={t('postAward.reason')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => props.onReason(e.currentTarget.value)}
        />
        <Group gap="sm">
          <Button
            color="red.9"
            disabled={!reason.trim()}
            loading={props.pending}
            onClick={() => props.onConfirm(reason.trim())}
          >
            {props.confirmLabel}
          </Button>
          <Button variant="outline" color="gray.8" onClick={props.onClose}>
            {props.cancelLabel}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
