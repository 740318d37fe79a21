import ExcelJS from 'exceljs';
import { COLUMNS_OF, type ImportKind } from './import-columns';

const SHEET_NAMES: Record<ImportKind, string> = { hotline: '热线工单', cases: '历史案件' };

/**
 * The import template of a kind as an .xlsx: a sheet with the header row (required columns
 * marked `*`) and one example row, and a sheet "填写说明" describing every column with its
 * English header, which is accepted as well.
 */
export async function templateWorkbook(kind: ImportKind): Promise<Buffer> {
  const columns = COLUMNS_OF[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cityloop';
  const sheet = wb.addWorksheet(SHEET_NAMES[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.required ? `${c.zh}*` : c.zh,
    key: c.key,
    width: Math.max(12, c.example.length * 2 + 4),
  }));
  sheet.getRow(1).font = { bold: true };
  // Every cell as text, so numbers such as phone numbers and order numbers keep their digits.
  sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.example])));
  for (let i = 1; i <= columns.length; i++) {
    sheet.getColumn(i).numFmt = '@';
  }

  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'zh', width: 14 },
    { header: 'English header', key: 'en', width: 18 },
    { header: '必填', key: 'required', width: 8 },
    { header: '说明', key: 'description', width: 60 },
    { header: '示例', key: 'example', width: 24 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) {
    help.addRow({
      zh: c.zh,
      en: c.aliases[0],
      required: c.required ? '是' : '否',
      description: c.description,
      example: c.example,
    });
  }
  help.addRow({});
  help.addRow({
    zh: '说明',
    description:
      '只读取第一个工作表；第1行为表头（中文或英文列名均可，列的顺序不限）；空行跳过。重复导入同一文件不会重复建案。',
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
