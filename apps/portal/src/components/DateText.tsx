import { formatDateTime } from '../lib/format';
import { useLocale } from '../lib/use-locale';

/** A moment in the reader's time zone (or the one given), as a <time> element. */
export function DateText({ value, timeZone }: { value: string; timeZone?: string }) {
  const locale = useLocale();
  return <time dateTime={value}>{formatDateTime(value, locale, timeZone)}</time>;
}
