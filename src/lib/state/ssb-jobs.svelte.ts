import { parseSsbJobsAnswer, type SsbJobsAnswer } from '$lib/data/ssb-jobs.ts';

/** SSB's figures as the app has them: not asked yet, asking, here (perhaps the last kept), not available, or turned off on the server. */
export type SsbJobsStatus = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; answer: SsbJobsAnswer } | { kind: 'unavailable' } | { kind: 'off' };

/**
 * SSB's jobs in Asker by year (table 13472) through the app's cached proxy, asked for once, when
 * a view first shows the chart. A failure is a quiet status, never an exception.
 */
export class SsbJobs {
  private fetcher: typeof fetch;
  status = $state.raw<SsbJobsStatus>({ kind: 'idle' });

  constructor(fetcher: typeof fetch) {
    this.fetcher = fetcher;
  }

  /** Asks the proxy for the figures the first time; later calls do nothing. */
  async load(): Promise<void> {
    if (this.status.kind !== 'idle') return;
    this.status = { kind: 'loading' };
    try {
      const r = await this.fetcher('/api/offisielt/ssb/sysselsatte');
      const body: unknown = await r.json().catch(() => null);
      if (r.status === 404 && (body as { error?: string } | null)?.error === 'official.off') {
        this.status = { kind: 'off' };
        return;
      }
      const answer = r.ok ? parseSsbJobsAnswer(body) : null;
      this.status = answer ? { kind: 'ready', answer } : { kind: 'unavailable' };
    } catch {
      this.status = { kind: 'unavailable' };
    }
  }
}
