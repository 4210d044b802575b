/** The default vault database: the main one's name + `_vault`, on the same server with the same login. */
export function vaultDatabaseUrlFor(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres';
  url.pathname = `/${encodeURIComponent(`${name}_vault`)}`;
  return url.toString();
}
