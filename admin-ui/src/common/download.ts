import { readSession } from '../session';

/**
 * Fetches a file the API serves behind the bearer token and saves it under the name the server gives: a plain link
 * would carry no token. A refusal throws with the API's status and body, for the caller to word.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<string> {
  const token = readSession()?.token;
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw Object.assign(new Error(response.statusText), { status: response.status, body });
  }
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = filenameFrom(response.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
  return link.download;
}

/** The file name the server gives in Content-Disposition (`filename*=UTF-8''…` preferred), or the fallback. */
export function filenameFrom(contentDisposition: string | null, fallback = 'audit.csv'): string {
  if (!contentDisposition) return fallback;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(contentDisposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]!.trim());
    } catch {
      /* a malformed encoded name: fall back to the plain one */
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/.exec(contentDisposition);
  return plain?.[1] ?? plain?.[2] ?? fallback;
}
