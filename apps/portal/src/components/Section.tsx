import { Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled region of a page: the heading names the section for assistive technology (aria-labelledby). */
export function Section({
  id,
  title,
  level = 2,
  children,
}: {
  id: string;
  title: string;
  level?: 2 | 3;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <Title order={level} size={level === 2 ? 'h3' : 'h4'} id={id} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}
