import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SaveState } from '../lib/drafts/autosave';

const COLOR: Record<SaveState, string> = {
  idle: 'dimmed',
  pending: 'dimmed',
  saving: 'dimmed',
  saved: 'teal.9',
  device: 'dark',
  offline: 'orange.9',
  signedOut: 'orange.9',
  rejected: 'red.9',
};

/** Where the typed text is: announced politely to screen readers each time it changes. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  return (
    <Text
      role="status"
      aria-live="polite"
      size="sm"
      fw={600}
      c={COLOR[state]}
      data-testid="save-status"
      data-state={state}
    >
      {state === 'idle' ? '' : t(`ngo.save.${state}`)}
    </Text>
  );
}
