import { noticeBase } from './common.js';
import type { PaperDossier, PaperOptions } from './model.js';

/**
 * Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. Nothing is derived here: why a dossier
 * is refused (out of scope, ineligible) is the officer's finding, so without `reason` the
 * paper keeps the dotted lines to write it by hand.
 */
export function refusalContext(d: PaperDossier, options: PaperOptions = {}) {
  return noticeBase(d, options, 'refusal');
}
