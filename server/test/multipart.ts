import { randomBytes } from 'node:crypto';

export interface MultipartPart {
  /** Form field name; default 'file'. */
  field?: string;
  /** File name; omit (with `value`) for a text field. */
  filename?: string;
  /** Declared content type of a file part; default application/octet-stream. */
  type?: string;
  data?: Buffer;
  /** A text field's value (makes the part a field, not a file). */
  value?: string;
}

/** A multipart/form-data body for `app.inject` (inject has no form builder of its own). */
export function multipartBody(parts: MultipartPart[]): {
  payload: Buffer;
  headers: { 'content-type': string };
} {
  const boundary = `----cityloop${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const name = p.field ?? 'file';
    if (p.value !== undefined) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${p.value}\r\n`,
        ),
      );
      continue;
    }
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${p.filename ?? 'file'}"\r\n` +
          `Content-Type: ${p.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      p.data ?? Buffer.alloc(0),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
