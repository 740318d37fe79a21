import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook';
import type { Services } from '../../services';
import {
  createUnitBody,
  createUserBody,
  idParams,
  listUnitsQuery,
  listUsersQuery,
  updateUnitBody,
  updateUserBody,
} from './org.schema';

export function registerOrgRoutes(app: FastifyInstance, s: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['org'];

  r.get('/api/v1/org/users', {
    config: { auth: { permission: 'org.admin' } },
    schema: { tags, summary: 'Users inside your jurisdiction', querystring: listUsersQuery },
    handler: async (req) => ({ items: await s.org.listUsers(requireActor(req), req.query) }),
  });

  r.get('/api/v1/org/users/:id', {
    config: { auth: { permission: 'org.admin' } },
    schema: { tags, summary: 'One user', params: idParams },
    handler: (req) => s.org.getUser(requireActor(req), req.params.id),
  });

  r.post('/api/v1/org/users', {
    config: { auth: { permission: 'org.admin' } },
    schema: {
      tags,
      summary: 'Create a user with roles and a jurisdiction scope',
      body: createUserBody,
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.org.createUser(requireActor(req), req.body)),
  });

  r.patch('/api/v1/org/users/:id', {
    config: { auth: { permission: 'org.admin' } },
    schema: {
      tags,
      summary: 'Change a user (roles, scope, password, active)',
      params: idParams,
      body: updateUserBody,
    },
    handler: (req) => s.org.updateUser(requireActor(req), req.params.id, req.body),
  });

  r.get('/api/v1/org/units', {
    config: { auth: { permission: 'org.read' } },
    schema: { tags, summary: 'Departments and handling units', querystring: listUnitsQuery },
    handler: async (req) => ({ items: await s.org.listUnits(requireActor(req), req.query) }),
  });

  r.get('/api/v1/org/units/:id', {
    config: { auth: { permission: 'org.read' } },
    schema: { tags, summary: 'One unit', params: idParams },
    handler: (req) => s.org.getUnit(req.params.id),
  });

  r.post('/api/v1/org/units', {
    config: { auth: { permission: 'org.admin' } },
    schema: { tags, summary: 'Create a department or handling unit', body: createUnitBody },
    handler: async (req, reply) =>
      reply.status(201).send(await s.org.createUnit(requireActor(req), req.body)),
  });

  r.patch('/api/v1/org/units/:id', {
    config: { auth: { permission: 'org.admin' } },
    schema: { tags, summary: 'Change a unit', params: idParams, body: updateUnitBody },
    handler: (req) => s.org.updateUnit(requireActor(req), req.params.id, req.body),
  });
}
