import { Modal } from '@mantine/core';
import type { ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Mantine's Modal with a named close button, and without its scroll lock: the lock writes an
 * inline <style> element, which the Content-Security-Policy (style-src 'self') refuses.
 */
export function Dialog(props: ModalProps) {
  const { t } = useTranslation();
  return <Modal lockScroll={false} closeButtonProps={{ 'aria-label': t('action.close') }} {...props} />;
}
