/**
 * Saves a file the console fetched itself (with the session cookie, so a refusal shows as a
 * message instead of a JSON page): a temporary object URL clicked as a download link.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
