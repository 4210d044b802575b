import { join } from 'node:path';
import { getFreePort, locateTemporalCli, startTemporalDevServer, type TemporalDevServer } from '@relance/devservices';

/**
 * A Temporal dev server of the chaos benchmark's own, which it may stop and start again
 * mid-run: a SQLite file in the run's work directory and a port fixed at the first start,
 * so every incarnation has the same state at the same address. The runner's own server
 * (in memory) cannot be restarted without losing everything.
 */
export class RestartableTemporal {
  private server: TemporalDevServer | undefined;

  private constructor(
    private readonly cli: string,
    private readonly port: number,
    private readonly workDir: string,
  ) {}

  static async start(options: { projectRoot: string; workDir: string }): Promise<RestartableTemporal> {
    const cli = await locateTemporalCli({ projectRoot: options.projectRoot, cliPath: process.env.TEMPORAL_CLI_PATH || undefined });
    const temporal = new RestartableTemporal(cli, await getFreePort(), options.workDir);
    await temporal.start();
    return temporal;
  }

  /** host:port, the same for every incarnation. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Starts it (again) on the same file and port; resolves once it serves calls. */
  async start(): Promise<void> {
    if (this.server) throw new Error('the chaos Temporal server is already running');
    this.server = await startTemporalDevServer({
      cli: this.cli,
      dbFilename: join(this.workDir, 'chaos-temporal.db'),
      port: this.port,
      ui: false,
      logFile: join(this.workDir, 'chaos-temporal.log'),
    });
  }

  /** Stops the running incarnation, if any; waits for it to exit. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await server?.stop();
  }
}
