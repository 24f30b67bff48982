/**
 * Every diagnostic the pipeline can report, grouped by stage:
 * TT1xxx reading and parsing, TT2xxx schema validation, TT3xxx catalogue checks,
 * TT4xxx expressions, TT5xxx emitting and writing output.
 *
 * Messages are templates: `{name}` is replaced by the diagnostic's params.
 * Each message says what failed and, where it helps, what was expected.
 */
export const DiagnosticCodes = {
  // ── reading and parsing ────────────────────────────────────────────────
  TT1001: { severity: 'error', vi: 'Không đọc được tệp: {reason}', en: 'Cannot read the file: {reason}' },
  TT1002: { severity: 'error', vi: 'Tệp không phải văn bản UTF-8 hợp lệ (byte lỗi ở vị trí {offset}). Hãy lưu lại tệp với mã hóa UTF-8.', en: 'The file is not valid UTF-8 (bad byte at offset {offset}). Save it again as UTF-8.' },
  TT1003: { severity: 'error', vi: 'Tệp chứa dữ liệu nhị phân (ký tự NUL ở vị trí {offset}), không phải YAML.', en: 'The file holds binary data (NUL at offset {offset}), not YAML.' },
  TT1004: { severity: 'error', vi: 'Tệp rỗng: cần một đối tượng YAML bắt đầu bằng `kind:`.', en: 'The file is empty: a YAML mapping starting with `kind:` is expected.' },
  TT1005: { severity: 'error', vi: 'Lỗi cú pháp YAML: {detail}', en: 'YAML syntax error: {detail}' },
  TT1006: { severity: 'error', vi: 'Khóa `{key}` bị lặp lại trong cùng một đối tượng.', en: 'The key `{key}` appears twice in the same mapping.' },
  TT1007: { severity: 'error', vi: 'Dùng ký tự tab để thụt lề; YAML chỉ cho phép dấu cách.', en: 'A tab is used for indentation; YAML allows spaces only.' },
  TT1008: { severity: 'error', vi: 'Tệp chứa {count} tài liệu YAML (phân cách bằng `---`); mỗi tệp chỉ được có một.', en: 'The file holds {count} YAML documents (separated by `---`); one per file is allowed.' },
  TT1009: { severity: 'error', vi: 'Quá nhiều bí danh (alias) YAML: có thể là "bom bí danh". Hãy viết giá trị trực tiếp.', en: 'Too many YAML aliases: possibly an alias bomb. Write the values out instead.' },
  TT1010: { severity: 'error', vi: 'Thẻ YAML `{tag}` không được hỗ trợ; danh mục chỉ dùng dữ liệu thuần.', en: 'The YAML tag `{tag}` is not supported; the catalogue holds plain data only.' },
  TT1011: { severity: 'error', vi: 'Khóa `{key}` bị cấm (có thể làm hỏng đối tượng gốc).', en: 'The key `{key}` is forbidden (it could pollute object prototypes).' },
  TT1012: { severity: 'error', vi: 'Tệp quá lớn ({size} byte; tối đa {limit}).', en: 'The file is too large ({size} bytes; at most {limit}).' },
  TT1013: { severity: 'error', vi: 'Giá trị quá dài ({length} ký tự; tối đa {limit}).', en: 'A value is too long ({length} characters; at most {limit}).' },
  TT1014: { severity: 'error', vi: 'Tệp phải là một đối tượng YAML (các cặp `khóa: giá trị`), nhưng nhận được {got}.', en: 'The file must be a YAML mapping (`key: value` pairs), but it is {got}.' },
  TT1015: { severity: 'error', vi: 'Không rõ loại tệp: cần `kind:` là một trong {expected}.', en: 'Unknown file kind: `kind:` must be one of {expected}.' },
  TT1016: { severity: 'warning', vi: 'Thiếu dòng `# yaml-language-server: $schema=…` ở đầu tệp: trình soạn thảo sẽ không gợi ý.', en: 'The first line `# yaml-language-server: $schema=…` is missing: editors will not autocomplete.' },

  // ── schema validation ──────────────────────────────────────────────────
  TT2001: { severity: 'error', vi: 'Thiếu trường bắt buộc: `{property}`.', en: 'Missing required property: `{property}`.' },
  TT2002: { severity: 'error', vi: 'Trường `{property}` không có trong lược đồ.{hint}', en: 'The property `{property}` is not allowed here.{hint}' },
  TT2003: { severity: 'error', vi: 'Sai kiểu: cần {expected}, nhận được {got}.', en: 'Wrong type: expected {expected}, got {got}.' },
  TT2004: { severity: 'error', vi: 'Giá trị {got} không hợp lệ; chọn một trong: {allowed}.', en: 'The value {got} is not allowed; use one of: {allowed}.' },
  TT2005: { severity: 'error', vi: 'Giá trị không đúng định dạng {pattern}. Ví dụ: {example}.', en: 'The value does not match the format {pattern}. Example: {example}.' },
  TT2006: { severity: 'error', vi: 'Giá trị phải {comparison} {limit}.', en: 'The value must be {comparison} {limit}.' },
  TT2007: { severity: 'error', vi: 'Độ dài phải {comparison} {limit}.', en: 'The length must be {comparison} {limit}.' },
  TT2008: { severity: 'error', vi: 'Các phần tử không được trùng nhau (phần tử {i} và {j}).', en: 'Items must be unique (items {i} and {j} are equal).' },
  TT2009: { severity: 'error', vi: 'Giá trị phải là {allowed}.', en: 'The value must be {allowed}.' },
  TT2010: { severity: 'error', vi: 'Giá trị không hợp lệ ({keyword}).', en: 'Invalid value ({keyword}).' },

  // ── catalogue checks ───────────────────────────────────────────────────
  TT3001: { severity: 'error', vi: 'Mã `{id}` đã được dùng ở {other}.', en: 'The id `{id}` is already used in {other}.' },
  TT3002: { severity: 'error', vi: 'Không tìm thấy {what} `{ref}`.{hint}', en: 'No {what} named `{ref}` exists.{hint}' },
  TT3003: { severity: 'error', vi: 'Ngày `{date}` không tồn tại trong lịch.', en: 'The date `{date}` does not exist.' },
  TT3005: { severity: 'error', vi: 'Trường `{field}` kiểu {type} không dùng được `{property}`.', en: 'The field `{field}` of type {type} cannot use `{property}`.' },
  TT3006: { severity: 'error', vi: 'Giới hạn không hợp lệ: `{low}` lớn hơn `{high}`.', en: 'Invalid bounds: `{low}` is greater than `{high}`.' },
  TT3007: { severity: 'error', vi: 'Biểu thức chính quy không hợp lệ: {reason}', en: 'Invalid regular expression: {reason}' },
  TT3008: { severity: 'error', vi: 'Các bậc giá phải liên tiếp từ 1 và không chồng lấn (bậc {index}).', en: 'Tiers must start at 1 and follow each other without overlap (tier {index}).' },
  TT3009: { severity: 'error', vi: 'Hình thức nộp `{channel}` được khai báo hai lần.', en: 'The channel `{channel}` is declared twice.' },
  TT3010: { severity: 'warning', vi: 'Thiếu bản dịch tiếng Anh cho {what}.', en: 'The English translation of {what} is missing.' },
  TT3012: { severity: 'error', vi: 'Thủ tục có mức độ `{level}` nhưng không có hình thức nộp trực tuyến.', en: 'The procedure is online level `{level}` but has no online channel.' },
  TT3013: { severity: 'error', vi: 'Mẫu `{code}` được khai báo khác nhau ở {other}.', en: 'The template `{code}` is declared differently in {other}.' },
  TT3014: { severity: 'error', vi: 'Không được lồng nhóm lặp lại trong nhóm lặp lại (`{field}`).', en: 'A repeatable group cannot contain another group (`{field}`).' },
  TT3016: { severity: 'error', vi: 'Trường `{field}` của `{member}` có kiểu {expected}, nhưng biểu thức ánh xạ cho {got}.', en: 'The field `{field}` of `{member}` is {expected}, but the mapping gives {got}.' },
  TT3017: { severity: 'error', vi: 'Thủ tục thành phần `{member}` bắt buộc {what} `{missing}` nhưng nhóm liên thông không cung cấp.', en: 'The member `{member}` requires {what} `{missing}`, which the bundle does not provide.' },
  TT3018: { severity: 'error', vi: 'Phiên bản `{version}` của `{id}` trùng thời gian áp dụng với phiên bản `{other}` (đến {end}, phiên bản sau bắt đầu {start}).', en: 'Version `{version}` of `{id}` overlaps version `{other}` in time (it ends {end}, the next starts {start}).' },
  TT3019: { severity: 'error', vi: 'Phiên bản `{version}` áp dụng từ {date}, không sau phiên bản trước `{other}` (áp dụng từ {otherDate}): phiên bản cao hơn phải áp dụng muộn hơn.', en: 'Version `{version}` takes effect {date}, not after the earlier version `{other}` ({otherDate}): a higher version must take effect later.' },
  TT3020: { severity: 'warning', vi: 'Tên tệp ghi phiên bản `{named}` nhưng tệp khai báo `version: {version}`.', en: 'The file name says version `{named}` but the file declares `version: {version}`.' },
  TT3021: { severity: 'error', vi: 'Ngày hết hiệu lực {end} phải sau ngày áp dụng {start}.', en: 'The end date {end} must come after the effective date {start}.' },
  TT3015: { severity: 'error', vi: 'Dòng phí `{fee}` của thủ tục `{procedure}` không phải loại `local` (do HĐND tỉnh quyết định) nên không ghi đè được.', en: 'The fee line `{fee}` of `{procedure}` is not `kind: local` (set by the provincial council), so it cannot be overridden.' },
  TT3040: { severity: 'warning', vi: 'Chưa có thông tin: {what}{raw}. Bổ sung khi nguồn nêu rõ; không ghi 0, miễn hay trong ngày thay cho nó.', en: 'Not stated: {what}{raw}. Fill it in when a source states it; never write 0, free or same day instead.' },
  TT3042: { severity: 'error', vi: 'Nguồn điền sẵn `{source}` không có trong dữ liệu VNeID; dùng một trong: {allowed}.{hint}', en: 'The prefill source `{source}` is not something VNeID sign-in provides; use one of: {allowed}.{hint}' },
  TT3044: { severity: 'error', vi: 'Bước "{step}" chỉ cho hình thức nộp `{channel}`, nhưng thủ tục không có hình thức nộp đó.', en: 'The step "{step}" is only for the `{channel}` channel, which the procedure does not offer.' },
  TT3043: { severity: 'error', vi: 'Giấy tờ `{document}` ghi `electronicForm: true` nhưng thủ tục không có hình thức nộp trực tuyến.', en: 'The document `{document}` has `electronicForm: true` but the procedure has no online channel.' },
  TT3041: { severity: 'error', vi: '{what} ghi `unknown` nhưng vẫn có `{property}`: hoặc biết, hoặc chưa biết.', en: '{what} is marked unknown but still has `{property}`: it is either known or not.' },

  // ── expressions ────────────────────────────────────────────────────────
  TT4001: { severity: 'error', vi: 'Biểu thức sai cú pháp: {detail}', en: 'Expression syntax error: {detail}' },
  TT4002: { severity: 'error', vi: 'Không có trường `{name}`.{hint}', en: 'There is no field `{name}`.{hint}' },
  TT4003: { severity: 'error', vi: 'Không so sánh được {left} với {right} bằng `{operator}`.', en: 'Cannot compare {left} with {right} using `{operator}`.' },
  TT4004: { severity: 'error', vi: 'Toán tử `{operator}` cần {expected}, nhận được {got}.', en: 'The operator `{operator}` needs {expected}, got {got}.' },
  TT4005: { severity: 'error', vi: 'Không có hàm `{name}`.{hint}', en: 'There is no function `{name}`.{hint}' },
  TT4006: { severity: 'error', vi: 'Hàm `{name}` cần {expected}, nhận được {got}.', en: 'The function `{name}` needs {expected}, got {got}.' },
  TT4007: { severity: 'error', vi: 'Cú pháp `{construct}` không được dùng trong biểu thức.', en: 'The construct `{construct}` is not allowed in expressions.' },
  TT4008: { severity: 'error', vi: 'Biểu thức phải cho kết quả {expected}, nhưng cho {got}.', en: 'The expression must give {expected}, but gives {got}.' },
  TT4009: { severity: 'error', vi: '`{value}` không phải lựa chọn của trường `{field}`.{hint}', en: '`{value}` is not an option of the field `{field}`.{hint}' },

  // ── emitting and writing ───────────────────────────────────────────────
  TT5001: { severity: 'error', vi: 'Không ghi được kết quả biên dịch: {reason}. Bản dựng trước được giữ nguyên.', en: 'Cannot write the build output: {reason}. The previous build is kept.' },
  TT5002: { severity: 'error', vi: 'Không tạo được trình kiểm tra cho `{procedure}`: {reason}', en: 'Cannot generate the validator of `{procedure}`: {reason}' },
} as const;

export type DiagnosticCode = keyof typeof DiagnosticCodes;
export type Severity = 'error' | 'warning';
