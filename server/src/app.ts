import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { AppContext } from './context';
import { registerAuthHook } from './http/auth-hook';
import { frameworkError, registerErrorHandler } from './http/error-handler';
import { registerWebConsole } from './http/web-console';
import { uuidv7 } from './lib/ids';
import { registerAttachmentRoutes } from './modules/attachments/attachments.routes';
import { registerAuthRoutes } from './modules/auth/auth.routes';
import { registerCatalogRoutes } from './modules/catalog/catalog.routes';
import { registerClockRoutes } from './modules/clock/clock.routes';
import { registerConsoleRoutes } from './modules/console/console.routes';
import { registerEvaluationRoutes } from './modules/evaluation/evaluation.routes';
import { registerCasesRoutes } from './modules/cases/cases.routes';
import { registerHotlineRoutes } from './modules/hotline/hotline.routes';
import { registerImportRoutes } from './modules/imports/imports.routes';
import { registerInspectorRoutes } from './modules/inspector/inspector.routes';
import { registerOpen311Routes } from './modules/open311/open311.routes';
import { registerOrgRoutes } from './modules/org/org.routes';
import { registerPortalRoutes } from './modules/portal/portal.routes';
import { registerReportsRoutes } from './modules/reports/reports.routes';
import { registerRoutingRoutes } from './modules/routing/routing.routes';
import { registerSpaceRoutes } from './modules/space/space.routes';
import { createServices, type Services } from './services';
import { VERSION } from './version';

export interface BuiltApp {
  app: FastifyInstance;
  services: Services;
}

/**
 * Builds the HTTP app with every module's routes. Never listens: tests inject requests,
 * main.ts listens.
 */
export async function buildApp(
  ctx: Omit<AppContext, 'log'>,
  opts: { logger?: boolean } = {},
): Promise<BuiltApp> {
  const app = Fastify({
    logger: opts.logger
      ? { level: ctx.config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] }
      : false,
    bodyLimit: ctx.config.http.bodyLimitBytes,
    genReqId: () => uuidv7(),
    requestIdHeader: false,
    trustProxy: true,
    ajv: { customOptions: { removeAdditional: false } },
    frameworkErrors: (err, req, reply) => void frameworkError(err, req, reply),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const services = await createServices({ ...ctx, log: app.log });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'cityloop API',
        version: VERSION,
        description: 'City operation management service platform',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerErrorHandler(app);
  registerAuthHook(app, services.auth);
  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });

  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, () =>
    app.swagger(),
  );
  app.get(
    '/api/health',
    {
      config: { auth: 'public' },
      schema: { tags: ['system'], summary: 'Liveness and store kind' },
    },
    () => ({
      status: 'ok',
      store: ctx.store.kind,
      version: VERSION,
    }),
  );

  registerAuthRoutes(app, services);
  registerOrgRoutes(app, services);
  registerCatalogRoutes(app, services);
  registerRoutingRoutes(app, services);
  registerCasesRoutes(app, services);
  registerClockRoutes(app, services);
  registerAttachmentRoutes(app, services);
  registerSpaceRoutes(app, services);
  registerOpen311Routes(app, services);
  registerPortalRoutes(app, services);
  registerInspectorRoutes(app, services);
  registerHotlineRoutes(app, services);
  registerImportRoutes(app, services);
  registerEvaluationRoutes(app, services);
  registerReportsRoutes(app, services);
  registerConsoleRoutes(app, services);
  // The built web console at `/` (skipped when web/dist has not been built).
  await registerWebConsole(app);

  await app.ready();
  return { app, services };
}
