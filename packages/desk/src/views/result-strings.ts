import type { Lang } from '../i18n.js';

/** The words of the result and delivery forms (the rest of the desk's are in ../i18n.ts). */
const STRINGS = {
  vi: {
    title: 'Kết quả và hình thức trả',
    upload: 'Kết quả điện tử',
    file: 'Tệp kết quả',
    method: 'Trả qua',
    uploadHint: 'Tệp PDF (có chữ ký số), XML, JPEG hoặc PNG.',
    uploadButton: 'Tải lên kết quả',
    fileMissing: 'Hãy chọn tệp kết quả.',
    current: (name: string) => `Đã có kết quả: ${name}. Tải lên tệp khác sẽ thay thế.`,
    noResult: 'Chưa tải lên kết quả điện tử.',
    currentDelivery: (method: string) => `Đã ghi nhận: ${method}.`,
    uploaded: (name: string) => `Đã tải lên kết quả điện tử: ${name}.`,
    delivery: 'Hình thức trả kết quả',
    chosen: (method: string) => `Người nộp đã chọn: ${method}.`,
    methods: { online: 'Trực tuyến', post: 'Qua bưu chính', in_person: 'Trực tiếp tại cơ quan' } as Record<string, string>,
    carrier: 'Đơn vị bưu chính',
    tracking: 'Mã vận đơn',
    place: 'Địa điểm trả kết quả',
    appointment: 'Thời gian hẹn (giờ Việt Nam)',
    record: 'Ghi nhận hình thức trả',
    recorded: (method: string) => `Đã ghi nhận trả kết quả: ${method}.`,
  },
  en: {
    title: 'Result and delivery',
    upload: 'Electronic result',
    file: 'Result file',
    method: 'Deliver by',
    uploadHint: 'A (digitally signed) PDF, XML, JPEG or PNG file.',
    uploadButton: 'Upload the result',
    fileMissing: 'Choose the result file.',
    current: (name: string) => `Result on file: ${name}. Uploading another replaces it.`,
    noResult: 'No electronic result uploaded yet.',
    currentDelivery: (method: string) => `Recorded: ${method}.`,
    uploaded: (name: string) => `Electronic result uploaded: ${name}.`,
    delivery: 'How the result is delivered',
    chosen: (method: string) => `The applicant chose: ${method}.`,
    methods: { online: 'Online', post: 'By post', in_person: 'In person at the office' } as Record<string, string>,
    carrier: 'Postal carrier',
    tracking: 'Tracking number',
    place: 'Place of delivery',
    appointment: 'Appointment (Vietnam time)',
    record: 'Record the delivery',
    recorded: (method: string) => `Delivery recorded: ${method}.`,
  },
};

export type ResultStrings = (typeof STRINGS)['vi'];

export function resultStrings(lang: Lang): ResultStrings {
  return STRINGS[lang] as ResultStrings;
}
