import { cpSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Files the compiled code reads at run time that tsc does not emit: copied from the sources into
 * dist/ at the same place, so `join(__dirname, …)` finds them in both trees (and the Docker
 * image, which keeps dist/ only, has them).
 */
const ASSETS = ['libs/subprocessors/seed/subprocessors.csv'];

// Compiled to dist/scripts/: the repository root is two levels up.
const root = join(__dirname, '..', '..');
for (const asset of ASSETS) cpSync(join(root, asset), join(root, 'dist', asset));
