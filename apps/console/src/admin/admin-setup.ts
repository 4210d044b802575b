import { join, resolve } from 'node:path';
import type AdminJS from 'adminjs';
import type { ActionContext } from 'adminjs';
import type { DataSource } from 'typeorm';
import type { OperationsService } from '@relance/operations';
import type { SubprocessorRegistry } from '@relance/subprocessors';
import type { PrivacyRequestRepository } from '@relance/privacy/requests/privacy-request.repository';
import { OperationsRepository } from '../operations/operations.repository';
import { withSupportActions } from '../support/staff-record-actions';
import type { ConsoleSupportServices } from '../support/support-services';
import { supportConversationsResource } from '../support/support-conversations.resource';
import { usersResource } from '../support/users-resource';
import { subprocessorsResource } from '../subprocessors/subprocessors.resource';
import type { AdminJSModules } from './adminjs-modules';
import { sessionUser } from './console-user';
import { consoleResources, type ResourceDeps } from './resources';
import { mayOpenPage, mayUseResource, PAGE_ROLES } from './role-access';
import { supportHome } from './support-home';

export const ROOT_PATH = '/admin';
/** Page titles where AdminJS's own ("Show") would not say what the screen is. */
const SCREEN_TITLES = {
  privacy_requests: { actions: { show: 'Privacy request' } },
  prospects: { actions: { show: 'Prospect' } },
  accounts: { actions: { show: 'Account' } },
  subprocessors: { actions: { show: 'Subprocessor', add: 'Add a subprocessor', change: 'Change', retire: 'Retire' } },
};
/** How many open requests the home lists (the full list is the privacy requests screen). */
const HOME_LIMIT = 100;
const WEEK_MS = 7 * 86_400_000;

/** The React components' sources: bundled by AdminJS at start (compiled to dist/apps/console/src/admin/). */
const COMPONENTS_DIR = resolve(__dirname, '..', '..', '..', '..', '..', 'apps', 'console', 'src', 'admin', 'components');

export interface AdminDeps extends ResourceDeps {
  requests: PrivacyRequestRepository;
  support: ConsoleSupportServices;
  /** The operators' summary, as GET /v1/staff/operations gives it. */
  operations: OperationsService;
  /** The admins' changes to the subprocessor registry, and the notice period a change waits by default. */
  subprocessors: { registry: SubprocessorRegistry; noticePeriodMs: number };
}

/** How many failed, long-running, stuck or failing items each list of the operators' page shows. */
const OPERATIONS_LIMIT = 10;
/** A short-lived workflow running longer than this is listed on the operators' page. */
const LONG_RUNNING_MINUTES = 60;

/** The AdminJS instance: resources, the home (instead of AdminJS's welcome page) and the operators' page. */
export async function createAdmin(modules: AdminJSModules, deps: AdminDeps): Promise<AdminJS> {
  const { default: AdminJSClass, ComponentLoader } = modules.adminjs;
  AdminJSClass.registerAdapter({ Database: modules.typeorm.Database, Resource: modules.typeorm.Resource });
  const loader = new ComponentLoader();
  const SupportHome = loader.add('SupportHome', join(COMPONENTS_DIR, 'support-home.jsx'));
  const OperationsPage = loader.add('OperationsPage', join(COMPONENTS_DIR, 'operations-page.jsx'));
  const PrivacyRequestScreen = loader.add('PrivacyRequestScreen', join(COMPONENTS_DIR, 'privacy-request-screen.jsx'));
  const SupportConversation = loader.add('SupportConversation', join(COMPONENTS_DIR, 'support-conversation.jsx'));
  const ReasonAction = loader.add('ReasonAction', join(COMPONENTS_DIR, 'reason-action.jsx'));
  const SubprocessorChange = loader.add('SubprocessorChange', join(COMPONENTS_DIR, 'subprocessor-change.jsx'));
  loader.override('SidebarPages', join(COMPONENTS_DIR, 'sidebar-pages.jsx'));
  const operations = new OperationsRepository(deps.dataSource as DataSource);

  const admin = new AdminJSClass({
    rootPath: ROOT_PATH,
    loginPath: `${ROOT_PATH}/login`,
    logoutPath: `${ROOT_PATH}/logout`,
    componentLoader: loader,
    branding: { companyName: 'Relance console', logo: false, withMadeWithLove: false },
    locale: { language: 'en', translations: { en: { resources: SCREEN_TITLES } } },
    // Read by the menu's page list (sidebar-pages.jsx).
    env: { CONSOLE_PAGE_ROLES: JSON.stringify(PAGE_ROLES), CONSOLE_ROOT_PATH: ROOT_PATH },
    resources: [
      ...withSupportActions(consoleResources(deps, { privacyRequest: PrivacyRequestScreen }), deps.support, ReasonAction),
      supportConversationsResource(deps.dataSource as DataSource, deps.support.desk, deps.audit, SupportConversation),
      usersResource(deps.dataSource as DataSource),
      subprocessorsResource(deps.dataSource as DataSource, deps.subprocessors.registry, deps.subprocessors.noticePeriodMs, SubprocessorChange),
    ],
    dashboard: {
      component: SupportHome,
      handler: async (_request: unknown, _response: unknown, context: ActionContext) => {
        const user = sessionUser({ adminUser: context.currentAdmin });
        if (!user) return { requests: null };
        const seesRequests = mayUseResource(user.role, 'privacy_requests');
        return {
          title: user.title, role: user.role, rootPath: ROOT_PATH,
          requests: seesRequests ? supportHome(await deps.requests.listOpen(HOME_LIMIT), new Date()) : null,
        };
      },
    },
    pages: {
      operations: {
        component: OperationsPage,
        icon: 'Activity',
        isAccessible: ({ currentAdmin }: { currentAdmin?: unknown }) => {
          const user = sessionUser({ adminUser: currentAdmin });
          return user !== undefined && mayOpenPage(user.role, 'operations');
        },
        handler: async () => ({
          messagesByStatus: await operations.messagesByStatus(WEEK_MS),
          summary: await deps.operations.summary({ limit: OPERATIONS_LIMIT, longRunningMinutes: LONG_RUNNING_MINUTES }),
        }),
      },
    },
  } as never);
  await admin.initialize();
  return admin;
}
