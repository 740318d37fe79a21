/**
 * The intake baseline: a bare Fastify app with one hello-world route, nothing else (no
 * validation, no auth, no store). Listens on 127.0.0.1:PORT.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
