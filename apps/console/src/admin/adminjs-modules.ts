import type * as AdminJSModule from 'adminjs';
import type * as AdminJSExpressModule from '@adminjs/express';
import type * as AdminJSTypeormModule from '@adminjs/typeorm';

/** The three AdminJS packages: ESM-only, so loaded with a real `import()` from this CommonJS build. */
export interface AdminJSModules {
  adminjs: typeof AdminJSModule;
  express: typeof AdminJSExpressModule;
  typeorm: typeof AdminJSTypeormModule;
}

/** One after the other (TOOLCHAIN.md: loading them at once trips over their shared ESM graph). */
export async function loadAdminJS(): Promise<AdminJSModules> {
  const adminjs = await import('adminjs');
  const express = await import('@adminjs/express');
  const typeorm = await import('@adminjs/typeorm');
  return { adminjs, express, typeorm };
}
