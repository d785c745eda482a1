import { Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Every dialog of the portal: Mantine's Modal with its close button named in the reader's language (an
 * unnamed icon button is an axe violation, WCAG 4.1.2), so no dialog can forget it.
 */
export function Dialog(props: ModalProps) {
  const { t } = useTranslation();
  return <Modal closeButtonProps={{ 'aria-label': t('app.close') }} {...props} />;
}
