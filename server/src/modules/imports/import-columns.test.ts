import { describe, expect, it } from 'vitest';
import {
  CASE_COLUMNS,
  HOTLINE_COLUMNS,
  mapHeader,
  normaliseHeader,
  parseCaseRow,
  parseHotlineRow,
  parseLocalInstant,
} from './import-columns';

const TZ = 'Asia/Shanghai';
const HEADER = [
  '工单编号',
  '诉求类型',
  '来电人',
  '来电号码',
  '诉求内容',
  '事发地址',
  '经度',
  '纬度',
  '事项编码',
  '紧急程度',
  '办理时限',
  '保密',
];

describe('header', () => {
  it('normalises names: case, blanks, _, -, *, notes', () => {
    expect(normaliseHeader(' Order_No* ')).toBe('orderno');
    expect(normaliseHeader('经度(WGS84)')).toBe('经度');
    expect(normaliseHeader('\uFEFF工单编号（必填）')).toBe('工单编号');
  });

  it('maps Chinese and English headers in any order, and names the missing required ones', () => {
    const m = mapHeader(
      ['lat', 'Order No', '诉求内容', 'longitude', 'requestType', 'extra'],
      HOTLINE_COLUMNS,
    );
    expect(Object.fromEntries(m.index)).toEqual({
      lat: 0,
      orderNo: 1,
      originalText: 2,
      lng: 3,
      requestType: 4,
    });
    expect(m.missing).toEqual([]);
    const bad = mapHeader(['工单编号', '诉求内容'], HOTLINE_COLUMNS);
    expect(bad.missing.map((c) => c.zh)).toEqual(['诉求类型', '经度', '纬度']);
    expect(mapHeader(['旧系统编号', '问题描述', '经度', '纬度'], CASE_COLUMNS).missing).toEqual([]);
  });
});

describe(parseHotlineRow.name, () => {
  const { index } = mapHeader(HEADER, HOTLINE_COLUMNS);
  const row = (o: Partial<Record<string, string>> = {}) =>
    HEADER.map(
      (h) =>
        o[h] ??
        (
          {
            工单编号: 'GD-1',
            诉求类型: '投诉',
            来电人: '王女士',
            来电号码: '13812345678',
            诉求内容: '门口垃圾两天无人清运',
            事发地址: '湖滨路18号',
            经度: '120.1005',
            纬度: '30.2005',
            事项编码: '01-10',
            紧急程度: '紧急',
            办理时限: '2026-11-30 18:00',
            保密: '是',
          } as Record<string, string>
        )[h]!,
    );

  it('turns a good row into the intake body', () => {
    const r = parseHotlineRow(index, row(), TZ);
    expect(r).toEqual({
      ok: true,
      body: {
        orderNo: 'GD-1',
        requestType: 'complaint',
        callerName: '王女士',
        callerPhone: '13812345678',
        confidential: true,
        originalText: '门口垃圾两天无人清运',
        address: '湖滨路18号',
        lng: 120.1005,
        lat: 30.2005,
        crs: 'wgs84',
        matterCode: '01-10',
        urgency: 'urgent',
        hotlineDeadline: '2026-11-30T10:00:00.000Z',
      },
    });
  });

  it('accepts English values and defaults', () => {
    const r = parseHotlineRow(
      index,
      row({ 诉求类型: 'Complaint', 紧急程度: '', 保密: '', 办理时限: '' }),
      TZ,
    );
    expect(r).toMatchObject({
      ok: true,
      body: { requestType: 'complaint', urgency: 'normal', confidential: false },
    });
  });

  it.each([
    [{ 诉求内容: '' }, 'IMPORT_VALUE_MISSING: 诉求内容 is empty'],
    [{ 经度: 'abc' }, 'IMPORT_VALUE_INVALID: 经度: not a number: "abc"'],
    [{ 纬度: '95' }, 'IMPORT_VALUE_INVALID: 纬度:'],
    [{ 诉求类型: '吐槽' }, 'IMPORT_VALUE_INVALID: 诉求类型: unknown type "吐槽"'],
    [{ 办理时限: '下周' }, 'IMPORT_VALUE_INVALID: 办理时限: not a date and time'],
    [{ 工单编号: 'GD 1' }, 'IMPORT_VALUE_INVALID: 工单编号:'],
    [{ 保密: '也许' }, 'IMPORT_VALUE_INVALID: 保密: not a yes/no value'],
  ])('rejects %j with a reason naming the column', (o, reason) => {
    const r = parseHotlineRow(index, row(o), TZ);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });
});

describe(parseCaseRow.name, () => {
  it('builds an import-source intake body with the old id as external id', () => {
    const { index } = mapHeader(
      ['旧系统编号', '问题描述', '经度', '纬度', '上报时间', '原状态', '事项编码'],
      CASE_COLUMNS,
    );
    const r = parseCaseRow(
      index,
      ['OLD-7', '井盖破损', '120.1', '30.2', '2025-06-01 09:15', '处置中', '0101'],
      TZ,
    );
    expect(r).toEqual({
      ok: true,
      body: {
        oldId: 'OLD-7',
        oldState: '处置中',
        oldReportedAt: Date.parse('2025-06-01T09:15:00+08:00'),
        body: expect.objectContaining({
          source: 'import',
          description: '井盖破损',
          externalId: 'OLD-7',
          matterCode: '0101',
          crs: 'wgs84',
          urgency: 'normal',
        }),
      },
    });
  });
});

describe(parseLocalInstant.name, () => {
  it('reads local dates and times, with or without an offset', () => {
    expect(parseLocalInstant('2026/11/30 18:00', TZ, 'start')).toBe(
      Date.parse('2026-11-30T18:00:00+08:00'),
    );
    expect(parseLocalInstant('2026-1-5 8:05', TZ, 'start')).toBe(
      Date.parse('2026-01-05T08:05:00+08:00'),
    );
    expect(parseLocalInstant('2026-11-30', TZ, 'end')).toBe(
      Date.parse('2026-12-01T00:00:00+08:00'),
    );
    expect(parseLocalInstant('2026-11-30', TZ, 'start')).toBe(
      Date.parse('2026-11-30T00:00:00+08:00'),
    );
    expect(parseLocalInstant('2026-11-30T18:00:00Z', TZ, 'start')).toBe(
      Date.parse('2026-11-30T18:00:00Z'),
    );
    expect(parseLocalInstant('2026-11-30T18:00:00', TZ, 'start')).toBe(
      Date.parse('2026-11-30T18:00:00+08:00'),
    );
    expect(parseLocalInstant('next week', TZ, 'start')).toBeNull();
  });
});
