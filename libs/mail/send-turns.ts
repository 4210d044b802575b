/**
 * The line of messages waiting for a mailbox's SMTP connections: at most `capacity` are with
 * the connection pool at a time, the others wait in arrival order. A message that does not
 * get its turn within its budget leaves the line without ever reaching the pool, so its
 * sender knows for certain that nothing went out (the pool's own queue cannot tell a message
 * aborted while waiting from one aborted mid-delivery).
 */
export class SendTurns {
  private inUse = 0;
  private readonly line: Array<() => void> = [];

  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error(`SendTurns needs a capacity of at least 1, not ${capacity}`);
  }

  /** Messages waiting, not counting those with the pool. */
  get waiting(): number {
    return this.line.length;
  }

  /** Resolves with a `release` once it is this message's turn, or with null after `timeoutMs` in line. */
  take(timeoutMs: number): Promise<(() => void) | null> {
    if (this.inUse < this.capacity && this.line.length === 0) return Promise.resolve(this.grant());
    return new Promise((resolve) => {
      const admit = () => {
        clearTimeout(timer);
        resolve(this.grant());
      };
      const timer = setTimeout(() => {
        const index = this.line.indexOf(admit);
        if (index >= 0) this.line.splice(index, 1);
        resolve(null);
      }, timeoutMs);
      this.line.push(admit);
    });
  }

  private grant(): () => void {
    this.inUse += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inUse -= 1;
      this.line.shift()?.();
    };
  }
}
