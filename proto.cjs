(async () => {
  const t0 = Date.now();
  const { default: AdminJS, ComponentLoader } = await import('adminjs');
  const AdminJSExpress = await import('@adminjs/express');
  const ty = await import('@adminjs/typeorm');
  console.log('imports', Date.now() - t0, Object.keys(AdminJSExpress), Object.keys(ty));
  const loader = new ComponentLoader();
  const Home = loader.add('Home', '/tmp/console-proto/c/home.jsx');
  const admin = new AdminJS({ rootPath: '/admin', componentLoader: loader, dashboard: { component: Home, handler: async () => ({ hi: 1 }) } });
  const t1 = Date.now();
  await admin.initialize();
  console.log('initialize', Date.now() - t1);
  const fs = require('fs'); console.log(fs.existsSync(process.env.ADMIN_JS_TMP_DIR + '/bundle.js'), fs.statSync(process.env.ADMIN_JS_TMP_DIR + '/bundle.js').size);
  process.exit(0);
})();
