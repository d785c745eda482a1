import { callsQuery } from '../../lib/queries';

/** The open calls as the list shows them (the route prefetches the same query while its code loads). */
export const openCallsQuery = () => callsQuery({ query: { status: 'open', limit: 100 } });
