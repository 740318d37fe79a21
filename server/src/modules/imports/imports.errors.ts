export type ImportErrorCode =
  | 'IMPORT_JOB_NOT_FOUND'
  /** The multipart body holds no file part. */
  | 'IMPORT_FILE_MISSING'
  | 'IMPORT_FILE_TOO_LARGE'
  /** Neither an .xlsx workbook nor a text CSV (e.g. a legacy binary .xls). */
  | 'IMPORT_FILE_TYPE_UNSUPPORTED'
  /** The header row lacks a required column (the job fails as a whole). */
  | 'IMPORT_HEADER_INVALID'
  /** The file cannot be read (a damaged workbook). */
  | 'IMPORT_FILE_UNREADABLE';
