import { useQuery } from '@tanstack/react-query';
import { meQuery } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';

/** The signed-in reader and the donor it speaks for (null when it is not a donor's account). */
export function useDonor() {
  const token = useAccessToken();
  const me = useQuery({ ...meQuery(), enabled: Boolean(token) });
  const donorId = me.data?.roles.includes('donor') ? me.data.donorId : null;
  return { token, me, donorId };
}
