import { useRef } from 'react';
import { isProblem } from '../../lib/problems';

/** A new Idempotency-Key (crypto.randomUUID where the browser has it). */
export function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * The Idempotency-Key of one attempt at a money action: made when the attempt starts and kept for its
 * retries (a double click, a retry after the connection dropped), so the server commits it once; a new
 * one only after the server answered (done, or refused for good).
 */
export class AttemptKey {
  private current: string | null = null;
  constructor(private readonly make: () => string = newKey) {}

  get(): string {
    this.current ??= this.make();
    return this.current;
  }

  /** After an answer: a success or a refusal ends the attempt; a lost request or one still running (409) does not. */
  settle(error?: unknown): void {
    if (error && (!isProblem(error) || error.status === 409)) return;
    this.current = null;
  }
}

export function useAttemptKey(): AttemptKey {
  const ref = useRef<AttemptKey | null>(null);
  ref.current ??= new AttemptKey();
  return ref.current;
}
