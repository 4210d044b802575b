import { createSocket, type RemoteInfo } from 'node:dgram';
import * as packet from 'dns-packet';

/** What the stub knows of one name: its MX hosts ('.' alone is a null MX), its IPv4 addresses, or a server failure. */
export interface StubZone {
  mx?: { exchange: string; priority?: number }[];
  a?: string[];
  servfail?: boolean;
}

export interface DnsStub {
  /** 127.0.0.1:<port>, as ENRICHMENT_DNS_SERVERS and Resolver#setServers take it. */
  server: string;
  /** Every question asked, as `<type> <name>` (e.g. `MX acme.test`). */
  queries: string[];
  stop(): Promise<void>;
}

/**
 * A loopback DNS server on a free UDP port, answering from `zones`: MX and A records of known
 * names, NOERROR without answers for a known name lacking the type (what resolvers call
 * ENODATA), NXDOMAIN for unknown names, SERVFAIL where asked.
 */
export async function startDnsStub(zones: Record<string, StubZone>): Promise<DnsStub> {
  const socket = createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (message: Buffer, from: RemoteInfo) => {
    let query: packet.Packet;
    try {
      query = packet.decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (!question) return;
    queries.push(`${question.type} ${question.name}`);
    const zone = zones[question.name.toLowerCase()];
    const answers: packet.Answer[] = [];
    if (zone && !zone.servfail && question.type === 'MX') {
      for (const mx of zone.mx ?? []) {
        answers.push({ type: 'MX', name: question.name, ttl: 60, data: { exchange: mx.exchange === '.' ? '' : mx.exchange, preference: mx.priority ?? 10 } });
      }
    }
    if (zone && !zone.servfail && question.type === 'A') {
      for (const address of zone.a ?? []) answers.push({ type: 'A', name: question.name, ttl: 60, data: address });
    }
    const rcode = !zone ? 'NXDOMAIN' : zone.servfail ? 'SERVFAIL' : 'NOERROR';
    const reply = packet.encode({
      id: query.id, type: 'response', flags: packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE | rcodeFlag(rcode),
      questions: query.questions, answers,
    });
    socket.send(reply, from.port, from.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  const { port } = socket.address();
  return {
    server: `127.0.0.1:${port}`,
    queries,
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

/** The response code in the flags word's low four bits. */
function rcodeFlag(rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL'): number {
  return { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 }[rcode];
}
