/**
 * Gaps the OpenAPI document may carry while they are being closed. The completeness test fails on
 * any gap not listed here (so every route is held to the full rule) and on a listed gap that is
 * gone (delete its line). None is left: the last two (staff lists without paging) were closed.
 * `schema X` covers every field of X without an example.
 */
export const KNOWN_GAPS: readonly string[] = [];
