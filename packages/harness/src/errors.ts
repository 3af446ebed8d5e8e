/** Bad input: the CLI prints the one-line message and exits with code 2, writing nothing. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes [docs/architecture.md §Verdicts]. */
export const EXIT = { ok: 0, claimFailed: 1, usage: 2, runtime: 3 } as const;
