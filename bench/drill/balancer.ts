/**
 * The drill's load balancer: a tiny round-robin TCP proxy (HTTP and websockets alike, one backend per client
 * connection, as an L4 balancer does). A backend that refuses the connection (killed, restarting) is skipped
 * and the next one tried; a connection whose backend dies mid-way is cut, as a real balancer's would be.
 */
import { Server, Socket, createConnection, createServer } from 'node:net';

export class RoundRobinBalancer {
  private server?: Server;
  private next = 0;
  private readonly open = new Set<Socket>();
  port = 0;

  constructor(
    readonly name: string,
    private readonly backends: () => number[],
  ) {}

  async start(port: number): Promise<void> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Cuts every client connection now (the "clients cut off" fault, and the end of the run). */
  cutAll(): number {
    const n = this.open.size;
    for (const s of this.open) s.destroy();
    return n;
  }

  async stop(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    client.pause();
    this.open.add(client);
    client.once('close', () => this.open.delete(client));
    client.on('error', () => undefined);
    const ports = this.backends();
    const tryBackend = (attempt: number) => {
      if (client.destroyed) return;
      if (attempt >= ports.length * 2) return void client.destroy();
      const port = ports[this.next++ % ports.length];
      const upstream = createConnection({ port, host: '127.0.0.1' });
      upstream.once('connect', () => {
        upstream.removeAllListeners('error');
        upstream.on('error', () => client.destroy());
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
      upstream.once('error', () => {
        upstream.destroy();
        setTimeout(() => tryBackend(attempt + 1), attempt >= ports.length ? 100 : 0);
      });
    };
    tryBackend(0);
  }
}
