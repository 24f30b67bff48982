import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { LookupAnswer, ThutucStatus } from '../src/index.js';

/**
 * <thutuc-status> in each state a dossier can show, from lookup answers as the intake server
 * gives them (set through the `dossier` property, so no server is needed here).
 */
const steps = [
  { title: { vi: 'Tiếp nhận, kiểm tra hồ sơ', en: 'Receive and check the dossier' }, done: true },
  { title: { vi: 'Công chức tư pháp - hộ tịch xem xét, trình ký', en: 'Civil-status officer reviews and submits for signature' }, done: false, due: '2026-12-02T17:00:00+07:00' },
  { title: { vi: 'Lãnh đạo UBND ký Giấy khai sinh', en: 'The chair signs the birth certificate' }, done: false },
];
const base: LookupAnswer = {
  code: '000.00.01.H38-261128-0001',
  procedure: { id: 'ho-tich.dang-ky-khai-sinh', title: { vi: 'Đăng ký khai sinh', en: 'Birth registration' } },
  status: { code: 4, label: { vi: 'Đang xử lý', en: 'In processing' } },
  submittedAt: '2026-11-28T09:12:00+07:00',
  acceptedAt: '2026-11-28T10:00:00+07:00',
  dueDate: '2026-12-03T17:00:00+07:00',
  time: { state: 'on-time', due: '2026-12-03T17:00:00+07:00', workingDaysLeft: 3 },
  overdue: false,
  progress: { done: 1, total: 3, steps },
  todo: null,
  result: { method: 'online', ready: false, downloadable: false },
};
const answers: Record<string, LookupAnswer> = {
  processing: base,
  supplement: {
    ...base,
    status: { code: 5, label: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplement requested' } },
    dueDate: null,
    time: { state: 'paused', remaining: 2 },
    todo: { vi: 'Nộp bổ sung giấy tờ ngay trên trang tra cứu này.', en: 'Send the missing documents on this status page.' },
    supplement: {
      reason: { vi: 'Giấy chứng sinh bị mờ, đề nghị nộp bản rõ hơn.' },
      requested: [{ vi: 'Giấy chứng sinh', en: 'Birth attestation' }],
      documents: [{ id: 'giay-chung-sinh', name: { vi: 'Giấy chứng sinh', en: 'Birth attestation' }, accept: ['application/pdf', 'image/jpeg', 'image/png'], maxBytes: 10485760, maxFiles: 3 }],
    },
  },
  payment: {
    ...base,
    status: { code: 6, label: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment requested' } },
    todo: { vi: 'Thực hiện nghĩa vụ tài chính theo thông báo.', en: 'Pay as notified.' },
    payment: { state: 'due', amount: 16000, currency: 'VND', lines: [{ label: { vi: 'Phí cấp bản sao trích lục (2 bản)', en: 'Extract copies (2)' }, amount: 16000 }], providers: ['vnpay', 'vietqr'] },
  },
  returned: {
    ...base,
    status: { code: 10, label: { vi: 'Đã trả kết quả', en: 'Result returned' } },
    time: { state: 'finished-on-time', due: '2026-12-03T17:00:00+07:00' },
    progress: { done: 3, total: 3, steps: steps.map((s) => ({ ...s, done: true })) },
    todo: { vi: 'Tải kết quả điện tử trên trang tra cứu này.', en: 'Download the electronic result on this status page.' },
    result: { method: 'online', ready: true, downloadable: true },
  },
};

const meta: Meta = {
  title: 'Elements/thutuc-status',
  component: 'thutuc-status',
  render: (args) => html`<thutuc-status lang=${args.lang as string} .dossier=${answers[args.state as string]}></thutuc-status>`,
  args: { lang: 'vi', state: 'processing' },
  argTypes: { lang: { control: 'inline-radio', options: ['vi', 'en'] }, state: { control: 'select', options: ['lookup', ...Object.keys(answers)] } },
};
export default meta;

type Story = StoryObj;

const shadow = (canvasElement: HTMLElement) => (canvasElement.querySelector('thutuc-status') as ThutucStatus).shadowRoot!;

/** The empty lookup form: looking up with nothing typed lists both fields in the error summary. */
export const Lookup: Story = {
  args: { state: 'lookup' },
  play: async ({ canvasElement }) => {
    const root = shadow(canvasElement);
    await waitFor(() => expect(root.querySelector('button[type=submit]')).toBeTruthy());
    await userEvent.click(root.querySelector('button[type=submit]')!);
    await waitFor(() => expect(root.querySelectorAll('.error-summary a')).toHaveLength(2));
  },
};

export const Processing: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part="time"]')?.textContent).toBe('Còn 3 ngày làm việc.'));
    await expect(shadow(canvasElement).querySelector('li[aria-current="step"]')?.textContent).toMatch(/xem xét, trình ký/);
  },
};

export const SupplementRequested: Story = {
  args: { state: 'supplement' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('input[type=file]')).toBeTruthy());
  },
};

export const PaymentDue: Story = {
  args: { state: 'payment', lang: 'en' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect([...shadow(canvasElement).querySelectorAll('[part="payment"] button')].map((b) => b.textContent?.trim())).toEqual(['Pay with VNPay', 'Pay with VietQR']));
  },
};

export const ResultReturned: Story = {
  args: { state: 'returned', lang: 'en' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part="result"] button')?.textContent?.trim()).toBe('Download the electronic result'));
  },
};

/** Theming through the same --thutuc-* custom properties as the form. */
export const Themed: Story = {
  render: () => html`<div style="--thutuc-color-primary:#7a1f1f; --thutuc-radius:6px; --thutuc-font-family: Georgia, serif">
    <thutuc-status .dossier=${answers.supplement}></thutuc-status>
  </div>`,
};
