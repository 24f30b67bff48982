import { agencyLetter } from './common.js';
import type { PaperDossier, PaperOptions } from './model.js';

/**
 * Mẫu 05: Thông báo dừng giải quyết hồ sơ, new in Circular 03/2025/TT-VPCP. Like a refusal,
 * the reason is the officer's finding: without `reason` the paper keeps dotted lines.
 */
export function stopContext(d: PaperDossier, options: PaperOptions = {}) {
  return agencyLetter(d, options, 'stop');
}
