/** Lists are paged by keysetPage in libs/db; the error for a cursor that names nothing lives with the domain errors. */
export { invalidCursor } from '@relance/errors';
