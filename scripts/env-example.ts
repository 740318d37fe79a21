// Writes .env.example from the documented configuration table (server/src/config/config.ts).
import { writeFileSync } from 'node:fs';
import { envExample } from '../server/src/config/config';

writeFileSync(new URL('../.env.example', import.meta.url), envExample());
console.log('wrote .env.example');
