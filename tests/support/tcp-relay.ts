import { connect, createServer, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

interface Relayed {
  readonly client: Socket;
  readonly server: Socket;
  mode: 'relaying' | 'vanished' | 'muted';
}

/**
 * A loopback TCP relay in front of a real server. It counts the connections that reach the
 * server, and can make the server drop them, vanish or fall silent, as the network would:
 * the client under test sees real sockets close, reset or hang, nothing mocked.
 */
export class TcpRelay {
  /** Connections accepted since the start. */
  accepted = 0;
  /** While set, new connections are closed at once, as by a server that is down. */
  private refusing = false;
  private readonly relayed = new Set<Relayed>();

  private constructor(
    private readonly listener: Server,
    readonly host: string,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpRelay> {
    let relay: TcpRelay | undefined;
    const listener = createServer((client) => relay?.relay(client, target));
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    relay = new TcpRelay(listener, '127.0.0.1', (listener.address() as { port: number }).port);
    return relay;
  }

  /** Connections whose client side is still open. */
  get open(): number {
    return this.relayed.size;
  }

  /** The server closes every connection, as after `doveadm kick`: the clients get a FIN. */
  dropAll(): void {
    for (const pair of this.relayed) pair.server.destroy();
  }

  /**
   * The server is gone without a word (a restart behind a load balancer, a NAT that forgot
   * the connection): the clients notice nothing until they write, and then get a reset.
   */
  vanishAll(): void {
    for (const pair of this.relayed) {
      pair.mode = 'vanished';
      pair.server.destroy();
    }
  }

  /** The server goes down: open connections drop, new ones are closed at once, until accept(). */
  refuse(): void {
    this.refusing = true;
    this.dropAll();
  }

  /** The server is back: new connections reach it again. */
  accept(): void {
    this.refusing = false;
  }

  /** The server keeps the connections open but stops answering. */
  muteAll(): void {
    for (const pair of this.relayed) pair.mode = 'muted';
  }

  /** Resolves once no connection is open; fails after `timeoutMs`. */
  async untilAllClosed(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.open > 0) {
      if (Date.now() > deadline) throw new Error(`${this.open} connection(s) still open after ${timeoutMs} ms`);
      await sleep(10);
    }
  }

  async stop(): Promise<void> {
    for (const pair of this.relayed) pair.client.destroy();
    await new Promise<void>((resolve) => this.listener.close(() => resolve()));
  }

  private relay(client: Socket, target: { host: string; port: number }): void {
    if (this.refusing) {
      client.on('error', () => undefined);
      client.destroy();
      return;
    }
    this.accepted += 1;
    const pair: Relayed = { client, server: connect(target), mode: 'relaying' };
    this.relayed.add(pair);
    // Resets and closes are what this relay is for: they are not errors here.
    client.on('error', () => undefined);
    pair.server.on('error', () => undefined);
    client.on('data', (chunk) => {
      if (pair.mode === 'relaying') pair.server.write(chunk);
      else if (pair.mode === 'vanished') client.resetAndDestroy();
    });
    pair.server.on('data', (chunk) => {
      if (pair.mode === 'relaying') client.write(chunk);
    });
    pair.server.on('close', () => {
      if (pair.mode === 'relaying') client.end();
    });
    client.on('close', () => {
      this.relayed.delete(pair);
      pair.server.destroy();
    });
  }
}
