import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { MailError, UNREACHABLE_CODES } from './mail-error';
import { isNonPublicAddress } from './private-address';

/** Every address a host name resolves to, in the resolver's order. */
export type HostLookup = (host: string) => Promise<readonly string[]>;

/** Where mail connections may go: the operator's MAIL_PRIVATE_HOSTS, and how names resolve. */
export interface MailNetworkPolicy {
  /** False: hosts that resolve to this machine or a private network are refused. */
  readonly allowPrivateHosts: boolean;
  /** The system resolver unless given (tests answer names themselves). */
  readonly lookup?: HostLookup;
}

/** The vetted address to connect to, and the name TLS must check the certificate against. */
export interface ConnectionTarget {
  /** The first of `addresses`: where a new connection goes. */
  readonly address: string;
  /** Every address the host had, all vetted: a connection kept open to any of them may serve on. */
  readonly addresses: readonly string[];
  /** The host name, for SNI and the certificate check; none when the host is an IP literal. */
  readonly servername: string | undefined;
}

type Protocol = 'smtp' | 'imap';

/** A refused host: the mailbox names a server this one does not connect to. Never retried. */
export class PrivateHostError extends MailError {
  constructor(
    protocol: Protocol,
    readonly host: string,
    port: number,
    readonly address: string,
  ) {
    const where = address === host ? 'is' : `resolves to ${address},`;
    super(
      `${protocol}_host_private`,
      `${protocol.toUpperCase()} server ${host}:${port} ${where} on this machine or a private network, where this ` +
        'server does not connect (its operator can allow it with MAIL_PRIVATE_HOSTS=allow)',
      { permanent: true },
    );
  }
}

const systemLookup: HostLookup = async (host) => (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Resolves the host of a connection about to open and returns the address to open it to.
 * Judged here and connected to as is, the address cannot change in between: a DNS answer
 * turned private after the mailbox was saved (or between two lookups: rebinding) never
 * reaches this machine or its network. With private hosts denied, any private address among
 * the answers refuses the host, before a packet is sent to it.
 */
export async function connectionTarget(
  protocol: Protocol,
  server: { host: string; port: number },
  policy: MailNetworkPolicy,
): Promise<ConnectionTarget> {
  const { host, port } = server;
  const literal = isIP(host) !== 0;
  let addresses: readonly string[];
  try {
    addresses = literal ? [host] : await (policy.lookup ?? systemLookup)(host);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const reason = UNREACHABLE_CODES.has(code) ? code : 'name not resolved';
    throw new MailError(`${protocol}_unreachable`, `cannot connect to ${protocol.toUpperCase()} server ${host}:${port} (${reason})`);
  }
  if (addresses.length === 0) {
    throw new MailError(`${protocol}_unreachable`, `cannot connect to ${protocol.toUpperCase()} server ${host}:${port} (no address)`);
  }
  if (!policy.allowPrivateHosts) {
    const refused = addresses.find(isNonPublicAddress);
    if (refused) throw new PrivateHostError(protocol, host, port, refused);
  }
  return { address: addresses[0], addresses, servername: literal ? undefined : host };
}
