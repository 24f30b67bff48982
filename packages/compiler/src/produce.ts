import type { Procedure } from '@thutuc/core';
import type { EmitCache } from './emit-cache.js';
import { emitProcedure, type EmitContext, type EmittedFiles } from './emit/procedure.js';
import { writeFilesSync } from './write.js';

/**
 * Everything the output depends on besides the compiler's own code (the cache's stamp): the
 * procedure, where its header says it came from, its folder, its compiled conditions and the
 * document types' accepted formats.
 */
function emitCacheKey(cache: EmitCache, p: Procedure, ctx: EmitContext): string {
  return cache.key([p, ctx.source, ctx.dir, ctx.conditions, [...ctx.typeAccept]]);
}

/**
 * One procedure's files: from the emit cache when it holds them, else emitted and kept there;
 * written into the staging folder when one is given. The same steps on the main thread and in
 * a build worker, so the output cannot depend on where it was made.
 */
export async function produceProcedure(p: Procedure, ctx: EmitContext, options: { cache?: EmitCache; stage?: string }): Promise<EmittedFiles> {
  const key = options.cache && emitCacheKey(options.cache, p, ctx);
  let files = key ? options.cache!.get(key) : undefined;
  if (!files) {
    files = await emitProcedure(p, ctx);
    if (key) options.cache!.set(key, files);
  }
  if (options.stage) writeFilesSync(options.stage, files);
  return files;
}
