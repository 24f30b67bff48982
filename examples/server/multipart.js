import { Readable } from 'node:stream';

/**
 * Reads a multipart/form-data request with the platform's own parser (WHATWG Request),
 * refusing bodies over `limit` bytes before they are buffered.
 */
export async function readMultipart(req, limit) {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data;\s*boundary=/i.test(type)) return { error: 'content-type must be multipart/form-data' };
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return { error: 'too large', status: 413 };
  let received = 0;
  const body = Readable.toWeb(req).pipeThrough(
    new TransformStream({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > limit) controller.error(new Error('too large'));
        else controller.enqueue(chunk);
      },
    }),
  );
  try {
    const form = await new Request('http://localhost/', { method: 'POST', headers: { 'content-type': type }, body, duplex: 'half' }).formData();
    return { form };
  } catch (error) {
    return received > limit ? { error: 'too large', status: 413 } : { error: `malformed multipart body (${error.message})` };
  }
}
