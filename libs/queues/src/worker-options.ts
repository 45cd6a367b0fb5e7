/**
 * Job lock of queues whose jobs are short (a transaction, an SMTP send): a worker that dies mid-job (SIGKILL, OOM)
 * has its jobs taken over by another worker within about 15 s (lock expiry + one stalled-job check) instead of
 * about a minute. A running job's lock is renewed while it runs, so a slow one is not taken over meanwhile.
 */
export const SHORT_LOCK = { lockDuration: 10_000, stalledInterval: 5_000 };
