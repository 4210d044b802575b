import { Foundation1764262800000 } from './1764262800000-foundation';

/** Every migration, oldest first; the CLI and the tests apply exactly this list. */
export const MIGRATIONS = [Foundation1764262800000];
