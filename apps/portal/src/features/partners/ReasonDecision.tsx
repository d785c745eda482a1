import { Button, Group, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** One of the two answers: its words, its test id, whether it is under way, and what it does with the reason. */
export interface ReasonChoice {
  label: string;
  testId?: string;
  pending: boolean;
  onDecide: (reason: string) => void;
}

/**
 * A decision a fund manager gives with a reason (a bank change approved or rejected, a screening hit cleared
 * or confirmed): the reason, required (trimmed; an empty one is named once either button is pressed), and
 * the two buttons, the second one the refusal (red, outlined).
 */
export function ReasonDecision({
  id,
  label,
  yes,
  no,
}: {
  id: string;
  label: string;
  yes: ReasonChoice;
  no: ReasonChoice;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const decide = (choice: ReasonChoice) => {
    setTried(true);
    if (!reason.trim()) return;
    choice.onDecide(reason.trim());
  };
  return (
    <>
      <Textarea
        id={id}
        label={label}
        required
        rows={2}
        maxLength={2000}
        value={reason}
        error={tried && !reason.trim() ? t('partners.hits.reasonRequired') : undefined}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <Group gap="xs">
        <Button size="xs" onClick={() => decide(yes)} loading={yes.pending} data-testid={yes.testId}>
          {yes.label}
        </Button>
        <Button
          size="xs"
          color="red.9"
          variant="outline"
          onClick={() => decide(no)}
          loading={no.pending}
          data-testid={no.testId}
        >
          {no.label}
        </Button>
      </Group>
    </>
  );
}
