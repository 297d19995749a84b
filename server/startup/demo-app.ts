import type { AppsById, HostedApp } from '../config/apps-config';

export const DEMO_APP_ID = 'demo_app';
/** The secret server/apps.json ships with: public, so only an app still using it may be signed for at start. */
export const SHIPPED_DEMO_SECRET = 'demo-only-secret-not-for-production';

/** The demo app exactly as shipped, or undefined once its secret was changed (then it is somebody's real app). */
export function shippedDemoApp(apps: AppsById): HostedApp | undefined {
  const app = apps.get(DEMO_APP_ID);
  return app?.appSecret === SHIPPED_DEMO_SECRET ? app : undefined;
}
