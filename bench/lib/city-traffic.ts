import type { Position } from '../../server/src/modules/space/geometry';
import { generateDemoCity, type DemoCity } from '../../server/src/modules/demo/demo-city';
import { mulberry32 } from '../../server/src/modules/demo/prng';

/** The demo city the server builds on first start (DEMO_SEED / DEMO_GRIDS defaults). */
export const DEMO_SEED = 20261121;
export const DEMO_GRIDS = 2000;

/** Matters a clerk commonly registers, with descriptions people write for them. */
export const MATTERS: readonly { code: string; texts: readonly string[] }[] = [
  { code: '06010', texts: ['路边有暴露垃圾，已堆放两天', '垃圾桶旁边垃圾散落一地', '小区门口暴露垃圾无人清理'] },
  { code: '06012', texts: ['人行道上有大片油污', '道路不洁，落叶和泥土很多', '路面有大量泥浆'] },
  { code: '06013', texts: ['人行道地砖破损松动', '路面出现坑洞，车辆绕行', '道路破损，积水严重'] },
  { code: '07001', texts: ['电线杆上贴满小广告', '墙面有非法小广告', '公交站牌被贴小广告'] },
  { code: '09001', texts: ['路口有流动摊贩占道经营', '无照游商在学校门口摆摊', '夜间游商占用人行道'] },
  { code: '01002', texts: ['污水井盖破损，有安全隐患', '井盖缺失，已放置警示', '井盖松动，车辆经过有响声'] },
]; // prettier-ignore

const STREETS = [
  '文三路',
  '学院路',
  '莫干山路',
  '曙光路',
  '天目山路',
  '保俶路',
  '黄姑山路',
  '教工路',
];

/** A point strictly inside a 4-vertex grid ring (bilinear, 10–90 % along each side). */
function pointIn(ring: readonly Position[], u: number, v: number): [number, number] {
  const [a, b, c, d] = ring as [Position, Position, Position, Position];
  const lng = (1 - u) * (1 - v) * a[0] + u * (1 - v) * b[0] + u * v * c[0] + (1 - u) * v * d[0];
  const lat = (1 - u) * (1 - v) * a[1] + u * (1 - v) * b[1] + u * v * c[1] + (1 - u) * v * d[1];
  return [Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
}

/** Deterministic intake bodies spread over the grids of a demo city. */
export class IntakeTraffic {
  readonly city: DemoCity;
  readonly #rand: () => number;

  constructor(opts: { seed?: number; grids?: number; trafficSeed?: number } = {}) {
    this.city = generateDemoCity({ seed: opts.seed ?? DEMO_SEED, grids: opts.grids ?? DEMO_GRIDS });
    this.#rand = mulberry32(opts.trafficSeed ?? 7);
  }

  /** A random point inside a random grid. */
  point(): { lng: number; lat: number; gridCode: string } {
    const r = this.#rand;
    const g = this.city.grids[Math.floor(r() * this.city.grids.length)]!;
    const [lng, lat] = pointIn(g.geometry.coordinates[0]!, 0.1 + 0.8 * r(), 0.1 + 0.8 * r());
    return { lng, lat, gridCode: g.code };
  }

  /** The JSON body of POST /api/v1/cases as a 12345 clerk would send it. */
  body(i: number): string {
    const r = this.#rand;
    const m = MATTERS[Math.floor(r() * MATTERS.length)]!;
    const p = this.point();
    return JSON.stringify({
      source: r() < 0.8 ? 'hotline' : 'public',
      matterCode: m.code,
      description: `${m.texts[Math.floor(r() * m.texts.length)]!}（压测${i}）`,
      address: `云溪区${STREETS[Math.floor(r() * STREETS.length)]!}${1 + Math.floor(r() * 300)}号`,
      lng: p.lng,
      lat: p.lat,
      reporter: { name: '张先生', phone: `1380000${String(i % 10000).padStart(4, '0')}` },
    });
  }
}
