/** A small HTTP client for the API under test: JSON in, status and JSON out. */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

export class ApiClient {
  constructor(readonly baseUrl: string, private readonly apiKey?: string) {}

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }

  async request<T = any>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Creates one prospect per entry of `people` (name → address), the name as first name, and
 * returns their ids by name. Fails naming the answer when the API refuses one.
 */
export async function createNamedProspects<Name extends string>(
  api: ApiClient,
  people: Readonly<Record<Name, string>>,
): Promise<Record<Name, string>> {
  const ids = {} as Record<Name, string>;
  for (const [name, email] of Object.entries(people) as [Name, string][]) {
    const created = await api.post('/v1/prospects', { email, firstName: name });
    if (created.status !== 201) throw new Error(`prospect ${name} not created: ${created.status} ${JSON.stringify(created.body)}`);
    ids[name] = created.body.id;
  }
  return ids;
}
