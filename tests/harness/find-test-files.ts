import { access, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

const KINDS = ['.spec.js', '.int-spec.js', '.e2e-spec.js'] as const;

/**
 * Compiled test files under `distRoot`: unit specs first, then integration, then e2e, so
 * the fast failures come first. A compiled file whose .ts source is gone (a deleted or
 * renamed test still sitting in dist/) is skipped. `filters` keep files whose path
 * contains any of them.
 */
export async function findTestFiles(distRoot: string, projectRoot: string, filters: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for await (const file of walk(distRoot)) {
    const kind = KINDS.findIndex((suffix) => file.endsWith(suffix));
    if (kind < 0) continue;
    const path = relative(distRoot, file);
    if (filters.length > 0 && !filters.some((filter) => path.includes(filter))) continue;
    const source = join(projectRoot, path.replace(/\.js$/, '.ts'));
    if (!(await access(source).then(() => true, () => false))) continue;
    found.push(file);
  }
  const rank = (file: string) => KINDS.findIndex((suffix) => file.endsWith(suffix));
  return found.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}
