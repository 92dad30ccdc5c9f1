/** Offers a file for download, from text or bytes (the browser saves it; nothing leaves the machine). */
export function downloadFile(name: string, type: string, data: string | Uint8Array): void {
  const url = URL.createObjectURL(new Blob([data as string | Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
