/**
 * Downloads a document the API answers (PDF, tar, JSON lines). The token is never put in a URL: the
 * file is fetched with the Authorization header and handed to the browser as a blob.
 */
import { ApiError } from '../api/client';
import { call } from '../api/client';

function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain ? plain[1] : fallback;
}

export async function download(
  request: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  fallbackName: string,
): Promise<string> {
  let response: Response | undefined;
  const blob = await call(
    request.then((r) => {
      response = r.response;
      return r;
    }),
  );
  if (!(blob instanceof Blob) || !response) throw new ApiError({ status: 500, title: 'Not a file' });
  const name = filenameOf(response, fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
