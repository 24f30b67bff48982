/**
 * Every refusal the intake server gives, in one `as const` table: the HTTP status and the
 * reason in Vietnamese and English. Handlers answer with `{ error: { code, message } }`
 * (plus `errors` for field-level problems, which forms show beside the fields).
 */
export const REASONS = {
  'idempotency-key': { status: 400, vi: 'Thiếu header Idempotency-Key hợp lệ (8–80 ký tự A–Z, a–z, 0–9, -).', en: 'A valid Idempotency-Key header is required (8–80 characters A–Z, a–z, 0–9, -).' },
  'idempotency-mismatch': { status: 400, vi: 'Idempotency-Key không khớp với hồ sơ.', en: 'The Idempotency-Key does not match the envelope.' },
  'idempotency-reused': { status: 422, vi: 'Khóa Idempotency-Key đã dùng cho một hồ sơ khác.', en: 'This Idempotency-Key was used for a different submission.' },
  'not-multipart': { status: 400, vi: 'Yêu cầu phải là multipart/form-data.', en: 'The request must be multipart/form-data.' },
  'bad-multipart': { status: 400, vi: 'Nội dung multipart bị lỗi hoặc bị cắt ngang.', en: 'The multipart body is malformed or cut off.' },
  'envelope-missing': { status: 400, vi: 'Thiếu phần "envelope" (phải đứng đầu yêu cầu).', en: 'The "envelope" part is missing (it must come first).' },
  'envelope-json': { status: 400, vi: 'Phần "envelope" không phải JSON hợp lệ.', en: 'The "envelope" part is not valid JSON.' },
  'envelope-too-large': { status: 413, vi: 'Phần "envelope" quá lớn.', en: 'The "envelope" part is too large.' },
  'envelope-malformed': { status: 400, vi: 'Phong bì hồ sơ sai cấu trúc.', en: 'The envelope is malformed.' },
  'bad-file-name': { status: 400, vi: 'Tên tệp không hợp lệ (không được chứa / \\ .. hoặc ký tự điều khiển).', en: 'A file name is not allowed (no / \\ .. or control characters).' },
  'unknown-procedure': { status: 422, vi: 'Không có thủ tục này.', en: 'Unknown procedure.' },
  'old-version': { status: 409, vi: 'Biểu mẫu đã được cập nhật; hãy tải lại trang và kiểm tra lại thông tin.', en: 'The form has changed; reload the page and check your answers.' },
  'invalid-payload': { status: 422, vi: 'Hồ sơ chưa hợp lệ.', en: 'The submission is not valid.' },
  'invalid-bundle': { status: 422, vi: 'Hồ sơ liên thông chưa đủ thông tin cho các thủ tục thành phần.', en: 'The linked submission lacks what its member procedures need.' },
  'file-missing': { status: 400, vi: 'Thiếu tệp đã khai báo.', en: 'A declared file is missing.' },
  'file-undeclared': { status: 400, vi: 'Có phần không được khai báo trong phong bì.', en: 'A part was not declared in the envelope.' },
  'file-duplicate': { status: 400, vi: 'Một tệp được gửi hai lần.', en: 'A file part was sent twice.' },
  'file-mismatch': { status: 422, vi: 'Tệp không khớp với mô tả (dung lượng hoặc mã băm SHA-256).', en: 'A file does not match its description (size or SHA-256 hash).' },
  'file-type': { status: 415, vi: 'Định dạng tệp không khớp với khai báo hoặc không được chấp nhận.', en: 'A file\'s type does not match its declaration or is not accepted.' },
  'file-too-large': { status: 413, vi: 'Tệp vượt quá dung lượng cho phép.', en: 'A file is larger than allowed.' },
  'too-many-files': { status: 413, vi: 'Quá nhiều tệp.', en: 'Too many files.' },
  'body-too-large': { status: 413, vi: 'Yêu cầu vượt quá dung lượng cho phép.', en: 'The request is larger than allowed.' },
  'lookup-invalid': { status: 400, vi: 'Cần mã hồ sơ và mã tra cứu (hoặc 4 số cuối điện thoại).', en: 'A dossier code and a lookup secret (or the last 4 phone digits) are required.' },
  'lookup-not-found': { status: 404, vi: 'Không tìm thấy hồ sơ với mã và mã tra cứu này.', en: 'No dossier matches this code and secret.' },
  'rate-limited': { status: 429, vi: 'Quá nhiều yêu cầu; vui lòng thử lại sau ít phút.', en: 'Too many requests; please try again in a few minutes.' },
  'bad-request': { status: 400, vi: 'Yêu cầu không hợp lệ.', en: 'The request is not valid.' },
  'not-found': { status: 404, vi: 'Không tìm thấy.', en: 'Not found.' },
  'method-not-allowed': { status: 405, vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
  'login-failed': { status: 401, vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong user name or password.' },
  'no-session': { status: 401, vi: 'Cần đăng nhập.', en: 'Sign-in required.' },
  'csrf': { status: 403, vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (X-CSRF-Token).', en: 'The anti-forgery token (X-CSRF-Token) is missing or wrong.' },
  'forbidden': { status: 403, vi: 'Cán bộ không có quyền thực hiện thao tác này.', en: 'This officer may not do that.' },
  'other-agency': { status: 404, vi: 'Không tìm thấy hồ sơ trong cơ quan của cán bộ.', en: 'No such dossier in the officer\'s agency.' },
  'action-refused': { status: 409, vi: 'Không thực hiện được thao tác với hồ sơ ở trạng thái hiện tại.', en: 'The action cannot be taken on the dossier as it stands.' },
  'delivery-method': { status: 409, vi: 'Hình thức trả kết quả không phải hình thức người nộp đã chọn hoặc thủ tục không có hình thức này.', en: 'The delivery method is not the one the applicant chose, or the procedure does not offer it.' },
  'delivery-incomplete': { status: 400, vi: 'Thiếu thông tin trả kết quả: qua bưu chính cần đơn vị và mã vận đơn; trực tiếp cần địa điểm và thời gian hẹn.', en: 'Delivery details are missing: by post needs the carrier and tracking number; in person needs the place and appointment.' },
  'result-missing': { status: 409, vi: 'Chưa tải lên kết quả điện tử để trả trực tuyến.', en: 'No electronic result has been uploaded for online delivery.' },
  'delivery-missing': { status: 409, vi: 'Chưa ghi nhận việc trả kết quả theo hình thức người nộp đã chọn.', en: 'The delivery of the result, as the applicant chose it, has not been recorded.' },
  'result-not-ready': { status: 404, vi: 'Kết quả điện tử chưa sẵn sàng để tải về.', en: 'The electronic result is not ready to download.' },
  'supplement-token': { status: 404, vi: 'Liên kết bổ sung hồ sơ không hợp lệ hoặc đã dùng.', en: 'The supplement link is not valid or was already used.' },
  'payment-provider': { status: 400, vi: 'Cơ quan chưa nhận thanh toán qua kênh này.', en: 'The agency does not take payment this way.' },
  'payment-not-due': { status: 409, vi: 'Hồ sơ không có khoản phí, lệ phí nào cần thanh toán trực tuyến.', en: 'The dossier has nothing to pay online.' },
  'payment-amount': { status: 409, vi: 'Số tiền nhận được khác số tiền phí, lệ phí của hồ sơ.', en: 'The amount received differs from the dossier\'s fees.' },
  'server-error': { status: 500, vi: 'Lỗi máy chủ; hồ sơ chưa được nhận.', en: 'Server error; the submission was not received.' },
} as const;

export type ReasonCode = keyof typeof REASONS;

export interface Problem {
  error: { code: ReasonCode; message: { vi: string; en: string } };
  errors?: unknown[];
  [extra: string]: unknown;
}

/** A refusal as thrown inside handlers; the error handler turns it into the JSON answer. */
export class IntakeRefusal extends Error {
  override name = 'IntakeRefusal';
  constructor(
    readonly code: ReasonCode,
    readonly extra: Record<string, unknown> = {},
    /** Appended to both messages, e.g. the file's name. */
    readonly detail?: string,
  ) {
    super(REASONS[code].en);
  }
  get status(): number {
    return REASONS[this.code].status;
  }
  body(): Problem {
    const r = REASONS[this.code];
    const suffix = this.detail ? ` (${this.detail})` : '';
    return { error: { code: this.code, message: { vi: r.vi + suffix, en: r.en + suffix } }, ...this.extra };
  }
}

export const refuse = (code: ReasonCode, extra?: Record<string, unknown>, detail?: string): IntakeRefusal => new IntakeRefusal(code, extra, detail);

/** JSON Schema of the error answer, shared by every route's OpenAPI description. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(REASONS) },
        message: { type: 'object', required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: 'string' } } },
      },
    },
    errors: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
  additionalProperties: true,
} as const;
