/** Error codes of the reports module. */
export type ReportErrorCode =
  /** No font with Chinese glyphs is usable for the PDF (503: an operator must install one). */
  'REPORT_FONT_MISSING';
