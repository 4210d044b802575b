import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { getFreePort, isPortFree } from '@relance/devservices';

/** The loopback ports of the demo mail servers and of the demo inbox page. */
export interface DemoMailPorts {
  readonly smtp: number;
  readonly imap: number;
  readonly lmtp: number;
  readonly inbox: number;
}

const NAMES: readonly (keyof DemoMailPorts)[] = ['smtp', 'imap', 'lmtp', 'inbox'];

/**
 * The ports of the last start when they are still free (the demo mailbox's settings and the
 * inbox page's bookmark stay right), free ones chosen by the kernel otherwise; saved to `file`
 * for the next start.
 */
export async function reserveDemoMailPorts(file: string): Promise<DemoMailPorts> {
  const saved = readSaved(file);
  const ports: Partial<Record<keyof DemoMailPorts, number>> = {};
  const taken = new Set<number>();
  for (const name of NAMES) {
    const previous = saved[name];
    let port = previous !== undefined && !taken.has(previous) && (await isPortFree(previous)) ? previous : await getFreePort();
    while (taken.has(port)) port = await getFreePort();
    taken.add(port);
    ports[name] = port;
  }
  writeFileSync(file, `${JSON.stringify(ports, null, 2)}\n`);
  return ports as DemoMailPorts;
}

function readSaved(file: string): Partial<Record<keyof DemoMailPorts, number>> {
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return Object.fromEntries(NAMES.flatMap((name) => {
      const port = parsed[name];
      return Number.isInteger(port) && (port as number) > 0 && (port as number) < 65_536 ? [[name, port as number]] : [];
    }));
  } catch {
    return {}; // a damaged file only costs new ports
  }
}
