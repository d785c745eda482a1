import { Button } from '@mantine/core';

/** What the button needs of an infinite query (TanStack Query's useInfiniteQuery result). */
interface MorePages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Load more" under a paged list: shown while the API has another page, busy while it loads. */
export function LoadMore({ pages, label }: { pages: MorePages; label: string }) {
  if (!pages.hasNextPage) return null;
  return (
    <Button
      mt="sm"
      variant="outline"
      style={{ alignSelf: 'flex-start' }}
      loading={pages.isFetchingNextPage}
      onClick={() => void pages.fetchNextPage()}
    >
      {label}
    </Button>
  );
}
