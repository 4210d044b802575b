/**
 * The launcher speaks to the API it started as any client would, with the demo key: what it
 * sets up for the demo is checked by the same rules as a user's own requests.
 */
export class LauncherApi {
  constructor(readonly baseUrl: string, private readonly apiKey: string) {}

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  /** Every item of a paged list (`data` + `nextCursor`). */
  async all<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let after: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const query: string = `${separator}limit=200${after ? `&after=${encodeURIComponent(after)}` : ''}`;
      const page: { data: T[]; nextCursor: string | null } = await this.get(`${path}${query}`);
      items.push(...page.data);
      after = page.nextCursor;
    } while (after);
    return items;
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      const error = safeJson(text)?.error;
      throw new Error(`${method} ${path} answered ${response.status}: ${error?.message ?? text.slice(0, 300)}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

function safeJson(text: string): { error?: { message?: string } } | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
