/** Racing a backend call against the integration's timeout (the timer never keeps the process alive). */

/** The call did not settle in time. */
export class Timeout extends Error {}

export async function withTimeout<T>(work: () => T | Promise<T>, ms: number): Promise<T> {
  // Typed without Node's namespace: this module is in the browser entry too, where timers are numbers.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), ms);
    (timer as { unref?: () => void }).unref?.();
  });
  try {
    return await Promise.race([Promise.resolve().then(work), expired]);
  } finally {
    clearTimeout(timer);
  }
}
