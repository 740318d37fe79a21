import { chromium } from 'playwright-core';
const B = 'http://localhost:18080';
async function login(u) { const r = await fetch(B + '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: 'demo-pass-1' }) }); return (await r.json()).token; }
async function call(tok, path, body) { const r = await fetch(B + path, { method: body ? 'POST' : 'GET', headers: { authorization: 'Bearer ' + tok, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined }); const j = await r.json(); if (!r.ok) throw new Error(JSON.stringify(j)); return j; }
const clerk = await login('clerk'), insp = await login('inspector'), disp = await login('dispatcher');
const grids = await call(clerk, '/api/v1/space/grids?pageSize=3');
const conds = await call(clerk, '/api/v1/catalog/matters/06010/conditions');
const units = await call(disp, '/api/v1/org/units');
const san = units.items.find(u => u.code === 'sanitation').id;
for (const g of grids.items.slice(0, 2)) {
  let c = await call(clerk, '/api/v1/cases', { source: 'hotline', description: '测试暴露垃圾' + g.code, matterCode: '06010', lng: g.center[0], lat: g.center[1] });
  c = await call(insp, `/api/v1/cases/${c.id}/actions`, { action: 'verify', verifyResult: true, version: c.version });
  c = await call(clerk, `/api/v1/cases/${c.id}/actions`, { action: 'register', matterCode: '06010', conditionId: conds.items[0].id, version: c.version });
  c = await call(disp, `/api/v1/cases/${c.id}/actions`, { action: 'dispatch', targetUnitId: san, version: c.version });
}
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1920, height: 1080 } });
p.on('pageerror', (e) => console.log('pageerror', e.message));
p.on('console', m => { if (m.text().includes('QUEUE')) console.log(m.text().slice(0,200)); });
await p.goto(B + '/login?next=/inbox');
await p.fill('#username', 'unit'); await p.fill('#password', 'demo-pass-1');
await p.click('[data-testid=login-form] button[type=submit]');
await p.waitForURL(u => u.pathname === '/inbox');
await p.waitForTimeout(3000);
await p.screenshot({ path: '/tmp/shots/inbox.png' });
await b.close();
