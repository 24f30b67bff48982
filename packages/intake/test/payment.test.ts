import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficer, reconcilePayments, vnpayProvider, type IntakeServer } from '@thutuc/intake';
import { startFakeVnpay, type FakeVnpay } from '@thutuc/intake/testing';
import { act, buildTestCatalogue, call, engines, freshDataDir, login, postJson, startServer, submission, submit } from './helpers.js';

/**
 * Level-4 payment on each storage engine, against the fake VNPay gateway started here (it signs
 * with the test secret on its own): the round trip, forged and changed notifications, replays,
 * the amount fixed by the server, and VietQR with an officer's confirmation.
 */
const TMN = 'THUTUC01';
const SECRET = 'KHOABIMATTHUNGHIEM0123456789ABCD';
const AGENCY = '000.00.01.H38';

let catalogueDir: string;
let gateway: FakeVnpay;
beforeAll(async () => {
  catalogueDir = await buildTestCatalogue('intake-payment');
  gateway = await startFakeVnpay({ tmnCode: TMN, hashSecret: SECRET });
}, 120_000);
afterAll(async () => gateway?.close());

/** A date `days` ago in Vietnam, so the birth is registered on time (the charge is exempt). */
const daysAgo = (days: number) => new Date(Date.now() + 7 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

describe.each(engines())('payment on $name', (engine) => {
  let server: IntakeServer;
  let url: string;
  let databaseUrl: string | undefined;
  let desk: { cookie: string; csrf: string };
  const password = 'mat-khau-du-dai-1';

  beforeAll(async () => {
    databaseUrl = await engine.create();
    ({ server, url } = await startServer({
      catalogueDir, dataDir: await freshDataDir('intake-payment'), ...(databaseUrl ? { databaseUrl } : {}),
      payments: {
        vnpay: { tmnCode: TMN, hashSecret: SECRET, paymentUrl: gateway.paymentUrl, apiUrl: gateway.apiUrl },
        vietqr: { bankBin: '970436', accountNumber: '0011001234567', accountName: 'UBND PHUONG BA DINH' },
        statusPage: '/tra-cuu.html',
      },
    }));
    gateway.ipnUrl = `${url}/api/payments/vnpay/ipn`;
    await createOfficer(server.database.db, { username: 'motcua', displayName: 'Một cửa', agencyCode: AGENCY, roles: ['reception', 'processing', 'leadership'], password });
    await createOfficer(server.database.db, { username: 'khac', displayName: 'Cơ quan khác', agencyCode: '000.00.02.H38', roles: ['reception'], password });
    desk = await login(url, 'motcua', password);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await engine.drop(databaseUrl);
  });

  /** Files a birth registration asking for `copies` certified copies (8.000 đ each); born on time unless `late`. */
  async function file(copies: number, late = false) {
    const s = await submission(catalogueDir, (e) => {
      const data = e.data as Record<string, unknown>;
      Object.assign(data, { ngay_sinh_tre: late ? '2026-01-05' : daysAgo(3), yeu_cau_ban_sao: copies > 0 });
      if (copies > 0) data.so_ban_sao = copies;
      else delete data.so_ban_sao;
    });
    const r = await submit(url, s);
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    return { code: r.json!.dossierCode as string, secret: r.json!.lookupSecret as string };
  }
  const lookup = async (d: { code: string; secret: string }) => (await postJson(`${url}/api/lookup`, d)).json!;
  const pay = (d: { code: string; secret: string }, provider: string, extra: Record<string, unknown> = {}) => postJson(`${url}/api/payments`, { ...d, provider, ...extra });
  const history = async (code: string) => (await call(`${url}/api/officer/dossiers/${code}`, { headers: { Cookie: desk.cookie } })).json!;

  it('takes a VNPay payment end to end: status 6, the gateway pays, the IPN moves the dossier to processing', async () => {
    const d = await file(2);
    expect((await lookup(d)).payment).toMatchObject({ state: 'due', amount: 16000, currency: 'VND', providers: ['vnpay', 'vietqr'] });
    const accepted = await act(url, desk, d.code, 'accept');
    expect(accepted.json!.status.code).toBe(6);
    const notices = await server.database.db.selectFrom('outbox').innerJoin('dossiers', 'dossiers.id', 'outbox.dossier_id').select(['outbox.template', 'outbox.payload']).where('dossiers.code', '=', d.code).where('outbox.template', '=', 'payment').execute();
    expect(notices.map((n) => n.payload)).toContainEqual(expect.objectContaining({ code: d.code, amount: 16000 }));

    const started = await pay(d, 'vnpay');
    expect(started.status).toBe(200);
    expect(started.json!.provider).toBe('vnpay');
    const redirect = new URL(started.json!.redirectUrl);
    expect(redirect.origin + redirect.pathname).toBe(gateway.paymentUrl);
    expect(redirect.searchParams.get('vnp_Amount')).toBe('1600000');
    expect(redirect.searchParams.get('vnp_OrderInfo')).toContain(d.code);
    // The gateway's own page accepts the signature and shows the server's amount.
    const page = await (await fetch(redirect)).text();
    expect(page).toMatch(/16\.000 VND/);

    const { returnUrl, ipn } = await gateway.pay(redirect.href);
    expect(ipn?.answer).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    const after = await lookup(d);
    expect(after.status.code).toBe(4);
    expect(after.payment).toMatchObject({ state: 'paid', amount: 16000, provider: 'vnpay', paidAt: expect.any(String) });
    expect(after.payment.lines).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'phi-ban-sao-giay-khai-sinh', amount: 16000 })]));

    const shown = await fetch(returnUrl);
    const html = await shown.text();
    expect(shown.status).toBe(200);
    expect(html).toContain('Thanh toán thành công');
    expect(html).toMatch(/Phí cấp bản sao Giấy khai sinh[\s\S]*16\.000/);
    expect(html).toContain(`/tra-cuu.html?code=${encodeURIComponent(d.code)}`);

    const officerView = await history(d.code);
    expect(officerView.payment).toMatchObject({ state: 'paid', amount: 16000, orders: [expect.objectContaining({ provider: 'vnpay', state: 'paid', providerReference: expect.stringMatching(/^\d+$/), confirmedBy: 'vnpay' })] });
    expect(officerView.history.map((h: { action: string; to_status: string }) => `${h.action}→${h.to_status}`)).toEqual(['submit→submitted', 'accept→accepted', 'request_payment→payment_requested', 'pay→processing']);
  });

  it('answers a replayed IPN with 02 and changes nothing, even when two copies arrive at once', async () => {
    const d = await file(1);
    const started = await pay(d, 'vnpay');
    const { ipn } = await gateway.pay(started.json!.redirectUrl);
    expect(ipn?.answer?.RspCode).toBe('00');
    const again = await gateway.notify(ipn!.query);
    expect(again.answer).toEqual({ RspCode: '02', Message: 'Order already confirmed' });

    const second = await file(1);
    const order = new URL((await pay(second, 'vnpay')).json!.redirectUrl).searchParams;
    const result = { vnp_Amount: order.get('vnp_Amount')!, vnp_TmnCode: TMN, vnp_TxnRef: order.get('vnp_TxnRef')!, vnp_ResponseCode: '00', vnp_TransactionStatus: '00', vnp_TransactionNo: '987', vnp_PayDate: '20261128100000' };
    const both = await Promise.all([gateway.notify(result), gateway.notify(result)]);
    expect(both.map((b) => b.answer?.RspCode).sort()).toEqual(['00', '02']);
    for (const code of [d.code, second.code]) expect((await history(code)).history.filter((h: { action: string }) => h.action === 'pay')).toHaveLength(1);
  });

  it('refuses a forged signature (97), an unknown order (01) and a changed amount (04), leaving the order unpaid', async () => {
    const d = await file(3);
    const order = new URL((await pay(d, 'vnpay')).json!.redirectUrl).searchParams;
    const result = { vnp_Amount: '2400000', vnp_TmnCode: TMN, vnp_TxnRef: order.get('vnp_TxnRef')!, vnp_ResponseCode: '00', vnp_TransactionStatus: '00', vnp_TransactionNo: '555', vnp_PayDate: '20261128100000' };
    expect(order.get('vnp_Amount')).toBe('2400000');

    const signed = { ...result, vnp_SecureHash: gateway.sign(result) };
    const forged = await gateway.notify({ ...signed, vnp_Amount: '100' });
    expect(forged.answer).toEqual({ RspCode: '97', Message: 'Invalid signature' });
    const otherKey = await gateway.notify({ ...result, vnp_SecureHash: 'ab'.repeat(64) });
    expect(otherKey.answer?.RspCode).toBe('97');
    const unsigned = await gateway.notify({ ...result, vnp_SecureHash: 'not-a-hash' });
    expect(unsigned.answer?.RspCode).toBe('97');

    expect((await gateway.notify({ ...result, vnp_TxnRef: 'KHONGCODONHANG' })).answer).toEqual({ RspCode: '01', Message: 'Order not found' });
    expect((await gateway.notify({ ...result, vnp_Amount: '100' })).answer).toEqual({ RspCode: '04', Message: 'Invalid amount' });
    expect((await gateway.notify({ ...result, vnp_Amount: '2400050' })).answer?.RspCode).toBe('04');

    expect((await lookup(d)).payment.state).toBe('pending');
    const forgedReturn = await fetch(`${url}/api/payments/vnpay/return?${new URLSearchParams({ ...signed, vnp_Amount: '100' })}`);
    expect(forgedReturn.status).toBe(400);
    expect(await forgedReturn.text()).toContain('Không xác minh được');
    // The genuine notification still settles it afterwards.
    expect((await gateway.notify(result)).answer?.RspCode).toBe('00');
    expect((await lookup(d)).payment.state).toBe('paid');
  });

  it('never takes the amount from the browser', async () => {
    const d = await file(1);
    // An amount (or anything else) the browser adds is dropped: the order is the fee engine's 8.000 đ.
    const withAmount = await pay(d, 'vnpay', { amount: 1, vnp_Amount: '100' });
    expect(withAmount.status).toBe(200);
    expect(new URL(withAmount.json!.redirectUrl).searchParams.get('vnp_Amount')).toBe('800000');
    const qr = await pay(d, 'vietqr', { amount: 1 });
    expect(qr.json).toMatchObject({ amount: 8000 });
    expect(qr.json!.emv).toContain('54048000');
    const wrongSecret = await pay({ code: d.code, secret: 'AAAA-BBBB-CCCC-DDDD' }, 'vnpay');
    expect(wrongSecret.status).toBe(404);
    expect((await pay(d, 'momo')).status).toBe(400);
  });

  it('records a payment made before acceptance; acceptance then skips status 6', async () => {
    const d = await file(1);
    const { ipn } = await gateway.pay((await pay(d, 'vnpay')).json!.redirectUrl);
    expect(ipn?.answer?.RspCode).toBe('00');
    const before = await lookup(d);
    expect(before.status.code).toBe(1);
    expect(before.payment.state).toBe('paid');
    expect((await act(url, desk, d.code, 'accept')).json!.status.code).toBe(2);
    expect((await pay(d, 'vnpay')).json!.error.code).toBe('payment-not-due');
  });

  it('keeps the fees due when the applicant cancels at the gateway', async () => {
    const d = await file(1);
    const { returnUrl, ipn } = await gateway.pay((await pay(d, 'vnpay')).json!.redirectUrl, 'cancel');
    expect(ipn?.answer?.RspCode).toBe('00');
    expect(await (await fetch(returnUrl)).text()).toContain('Chưa thanh toán');
    const after = await lookup(d);
    expect(after.payment).toMatchObject({ state: 'due', amount: 8000 });
    expect(after.status.code).toBe(1);
  });

  it('asks nothing online when the fees are exempt or their amount is unknown', async () => {
    const free = await file(0);
    expect((await lookup(free)).payment).toMatchObject({ state: 'none', amount: 0, providers: [] });
    expect((await pay(free, 'vietqr')).json!.error.code).toBe('payment-not-due');
    expect((await act(url, desk, free.code, 'accept')).json!.status.code).toBe(2);
    // Registered late: the charge is set by the province, and no amount is configured here.
    const unknown = await file(0, true);
    expect((await lookup(unknown)).payment).toMatchObject({ state: 'none', amount: null, note: { vi: expect.stringMatching(/chưa xác định/) } });
  });

  it('gives a VietQR string in the EMVCo layout with the dossier code in the note, and lets the desk confirm the transfer', async () => {
    const d = await file(2);
    await act(url, desk, d.code, 'accept');
    const r = await pay(d, 'vietqr');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ provider: 'vietqr', amount: 16000, note: d.code, account: { bankBin: '970436', number: '0011001234567' } });
    expect(r.json!.svg).toMatch(/^<svg[^>]*viewBox[^>]*aria-label="Mã VietQR[^"]*">/);
    const emv = readEmv(r.json!.emv);
    expect(emv.get('00')).toBe('01');
    expect(emv.get('01')).toBe('12');
    const merchant = readEmv(emv.get('38')!);
    expect(merchant.get('00')).toBe('A000000727');
    expect(Object.fromEntries(readEmv(merchant.get('01')!))).toEqual({ '00': '970436', '01': '0011001234567' });
    expect(merchant.get('02')).toBe('QRIBFTTA');
    expect(emv.get('53')).toBe('704');
    expect(emv.get('54')).toBe('16000');
    expect(emv.get('58')).toBe('VN');
    expect(readEmv(emv.get('62')!).get('08')).toBe(d.code);
    const body = r.json!.emv as string;
    expect(body.slice(-4)).toBe(crc16ccitt(body.slice(0, -4)));
    // Asking again gives the same transfer to make.
    expect((await pay(d, 'vietqr')).json!.emv).toBe(body);
    expect((await lookup(d)).payment.state).toBe('pending');

    const confirm = (session: { cookie: string; csrf: string }, body: unknown) =>
      postJson(`${url}/api/officer/dossiers/${d.code}/payments/confirm`, body, { Cookie: session.cookie, 'X-CSRF-Token': session.csrf });
    expect((await confirm(await login(url, 'khac', password), {})).status).toBe(404);
    const short = await confirm(desk, { amount: 8000, reference: 'FT2611280001' });
    expect(short.status).toBe(409);
    expect(short.json!.error.code).toBe('payment-amount');
    const done = await confirm(desk, { amount: 16000, reference: 'FT2611280001' });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ status: 4, payment: { state: 'paid', provider: 'vietqr', amount: 16000 } });
    expect((await confirm(desk, {})).status).toBe(409);
    const view = await history(d.code);
    expect(view.payment.orders).toEqual([expect.objectContaining({ provider: 'vietqr', state: 'paid', providerReference: 'FT2611280001', confirmedBy: 'motcua' })]);
  });

  it('settles a payment whose IPN never came by asking VNPay (querydr), once', async () => {
    const d = await file(1);
    const redirectUrl = (await pay(d, 'vnpay')).json!.redirectUrl;
    const ipnUrl = gateway.ipnUrl;
    gateway.ipnUrl = undefined;
    try {
      expect((await gateway.pay(redirectUrl)).ipn).toBeUndefined();
    } finally {
      gateway.ipnUrl = ipnUrl;
    }
    expect((await lookup(d)).payment.state).toBe('pending');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const ref = new URL(redirectUrl).searchParams.get('vnp_TxnRef');
    expect(await reconcilePayments(server.context, 0)).toContain(ref);
    expect((await lookup(d)).payment).toMatchObject({ state: 'paid', amount: 8000 });
    expect(await reconcilePayments(server.context, 0)).not.toContain(ref);
    expect((await history(d.code)).payment.orders).toEqual([expect.objectContaining({ state: 'paid', confirmedBy: 'vnpay-query' })]);
  });

  it('answers a VNPay query for an order (querydr) and lists the IPN in /openapi.json', async () => {
    const d = await file(1);
    const params = new URL((await pay(d, 'vnpay')).json!.redirectUrl).searchParams;
    await gateway.pay(`${gateway.paymentUrl}?${params}`);
    const provider = vnpayProvider({ tmnCode: TMN, hashSecret: SECRET, paymentUrl: gateway.paymentUrl, apiUrl: gateway.apiUrl });
    const order = { ref: params.get('vnp_TxnRef')!, amount: 8000, dossierCode: d.code, createdAt: new Date() };
    expect(await provider.query!(order)).toMatchObject({ found: true, success: true, amount: 8000 });
    expect(await provider.query!({ ...order, ref: 'KHONGCO' })).toMatchObject({ found: false });
    const api = (await call(`${url}/openapi.json`)).json!;
    expect(Object.keys(api.paths)).toEqual(expect.arrayContaining(['/api/payments', '/api/payments/vnpay/return', '/api/payments/vnpay/ipn', '/api/officer/dossiers/{code}/payments/confirm']));
    expect(JSON.stringify(api.paths['/api/payments/vnpay/ipn'])).toContain('vnp_SecureHash');
  });
});

/** EMVCo TLV: two-digit id, two-digit length, value. */
function readEmv(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (let i = 0; i < text.length; ) {
    const id = text.slice(i, i + 2);
    const length = Number(text.slice(i + 2, i + 4));
    expect(Number.isInteger(length)).toBe(true);
    fields.set(id, text.slice(i + 4, i + 4 + length));
    i += 4 + length;
  }
  return fields;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) over the text up to and including "6304", as EMVCo requires. */
function crc16ccitt(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}
