/** What a downloaded file holds: text the API produced (a CSV, a JSON document) or bytes (a PDF). */
type FileContent = string | Uint8Array<ArrayBuffer>;

/**
 * Saves what the API produced as a file. An export is an audited call answered as JSON (and must pass
 * the CSRF check), so it cannot be a plain link; the browser is handed the file as a Blob instead.
 */
export function downloadFile(filename: string, content: FileContent, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or some browsers cancel the download.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

/** Bytes the API sent base64-encoded, since its JSON transport carries no binary (an invoice's PDF). */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
