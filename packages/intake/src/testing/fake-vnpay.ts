import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A local stand-in for the VNPay gateway, for tests and demos: it speaks protocol 2.1.0 as the
 * real one does — checks the payment URL's signature, shows a payment page (plain HTML, no
 * script), sends the signed IPN to the merchant's configured URL, then sends the browser to
 * the return URL; it also answers `querydr`. Its signing is written out here on its own, so a
 * mistake in the server's signing code is not mirrored by the gateway it is tested against.
 */
export interface FakeVnpayOptions {
  tmnCode: string;
  hashSecret: string;
  /** The merchant's IPN URL (VNPay keeps it in the merchant's settings, not in each request). */
  ipnUrl?: string;
  port?: number;
}

export interface IpnExchange {
  query: Record<string, string>;
  status: number;
  answer: { RspCode?: string; Message?: string } | undefined;
}

interface Transaction {
  request: Record<string, string>;
  result?: Record<string, string>;
}

export interface FakeVnpay {
  /** The gateway's base URL, its payment page and its transaction API. */
  url: string;
  paymentUrl: string;
  apiUrl: string;
  ipnUrl: string | undefined;
  /** Every IPN sent and the merchant's answer. */
  readonly ipns: IpnExchange[];
  /** The customer pays (or cancels) on the gateway page: the IPN goes out, then the browser's return URL is given. */
  pay(paymentUrl: string, outcome?: 'success' | 'cancel'): Promise<{ returnUrl: string; ipn: IpnExchange | undefined }>;
  /** Sends an IPN with these parameters, signed with the merchant's secret unless a hash is given. */
  notify(params: Record<string, string>): Promise<IpnExchange>;
  /** The hash the gateway puts on these parameters. */
  sign(params: Record<string, string>): string;
  close(): Promise<void>;
}

/** Java's URLEncoder (UTF-8): letters, digits and `.-*_` stay, space is `+`, the rest %XX. */
function formEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9.\-*_]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export async function startFakeVnpay(options: FakeVnpayOptions): Promise<FakeVnpay> {
  const transactions = new Map<string, Transaction>();
  const ipns: IpnExchange[] = [];
  let serial = 14_000_000;

  const sign = (params: Record<string, string>): string => {
    const data = Object.entries(params)
      .filter(([k, v]) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType' && v !== '')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`)
      .join('&');
    return createHmac('sha512', options.hashSecret).update(data).digest('hex');
  };
  const withHash = (params: Record<string, string>) => ({ ...params, vnp_SecureHash: sign(params) });
  const payDate = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 19).replace(/[-T:]/g, '');

  const notify = async (params: Record<string, string>): Promise<IpnExchange> => {
    if (!gateway.ipnUrl) throw new Error('fake VNPay: no IPN URL configured');
    const query = params.vnp_SecureHash ? params : withHash(params);
    const response = await fetch(`${gateway.ipnUrl}?${new URLSearchParams(query)}`);
    const text = await response.text();
    let answer: IpnExchange['answer'];
    try {
      answer = JSON.parse(text);
    } catch {
      answer = undefined;
    }
    const exchange = { query, status: response.status, answer };
    ipns.push(exchange);
    return exchange;
  };

  /** Reads and checks a payment URL's parameters; undefined when the signature or a field is wrong. */
  const readRequest = (search: URLSearchParams): Record<string, string> | undefined => {
    const params = Object.fromEntries(search);
    if (params.vnp_TmnCode !== options.tmnCode || params.vnp_Command !== 'pay' || params.vnp_Version !== '2.1.0') return undefined;
    if (!/^\d+00$/.test(params.vnp_Amount ?? '') || !params.vnp_TxnRef || !params.vnp_ReturnUrl) return undefined;
    return sign(params) === (params.vnp_SecureHash ?? '').toLowerCase() ? params : undefined;
  };

  const complete = async (request: Record<string, string>, outcome: 'success' | 'cancel') => {
    const ok = outcome === 'success';
    const result = withHash({
      vnp_Amount: request.vnp_Amount!, vnp_BankCode: 'NCB', vnp_CardType: 'ATM', vnp_OrderInfo: request.vnp_OrderInfo ?? '', vnp_PayDate: payDate(),
      vnp_ResponseCode: ok ? '00' : '24', vnp_TmnCode: options.tmnCode, vnp_TransactionNo: ok ? String(++serial) : '0',
      vnp_TransactionStatus: ok ? '00' : '02', vnp_TxnRef: request.vnp_TxnRef!, ...(ok ? { vnp_BankTranNo: `VNP${serial}` } : {}),
    });
    transactions.set(request.vnp_TxnRef!, { request, result });
    const ipn = gateway.ipnUrl ? await notify(result) : undefined;
    return { returnUrl: `${request.vnp_ReturnUrl}?${new URLSearchParams(result)}`, ipn };
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', gateway.url);
    if (req.method === 'GET' && url.pathname === '/paymentv2/vpcpay.html') {
      const request = readRequest(url.searchParams);
      if (!request) return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html('Lỗi 70: Sai chữ ký / Invalid signature', '<p id="error">Giao dịch không hợp lệ (sai chữ ký hoặc tham số).</p>'));
      transactions.set(request.vnp_TxnRef!, { request });
      const amount = new Intl.NumberFormat('vi-VN').format(Number(request.vnp_Amount) / 100);
      const ref = escape(request.vnp_TxnRef!);
      return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html('VNPay (thử nghiệm) / VNPay (test gateway)', `
<p>Đơn hàng / Order <strong id="ref">${ref}</strong>: <strong id="amount">${amount} VND</strong></p>
<p>${escape(request.vnp_OrderInfo ?? '')}</p>
<form method="post" action="/paymentv2/pay"><input type="hidden" name="ref" value="${ref}">
<button name="outcome" value="success">Thanh toán / Pay</button> <button name="outcome" value="cancel">Hủy / Cancel</button></form>`));
    }
    if (req.method === 'POST' && url.pathname === '/paymentv2/pay') {
      const form = new URLSearchParams(await bodyOf(req));
      const txn = transactions.get(form.get('ref') ?? '');
      if (!txn) return void res.writeHead(404).end();
      const { returnUrl } = await complete(txn.request, form.get('outcome') === 'success' ? 'success' : 'cancel');
      return void res.writeHead(302, { Location: returnUrl }).end();
    }
    if (req.method === 'POST' && url.pathname === '/merchant_webapi/api/transaction') {
      return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(queryDr(JSON.parse(await bodyOf(req)) as Record<string, string>)));
    }
    res.writeHead(404).end();
  }

  const pipeHash = (fields: string[], data: Record<string, string>) => createHmac('sha512', options.hashSecret).update(fields.map((k) => data[k] ?? '').join('|')).digest('hex');
  function queryDr(body: Record<string, string>): Record<string, string> {
    const signed = ['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo'];
    const base = { vnp_ResponseId: body.vnp_RequestId ?? '', vnp_Command: 'querydr', vnp_TmnCode: options.tmnCode, vnp_TxnRef: body.vnp_TxnRef ?? '' };
    let answer: Record<string, string>;
    if (pipeHash(signed, body) !== body.vnp_SecureHash) answer = { ...base, vnp_ResponseCode: '97', vnp_Message: 'Invalid Checksum' };
    else {
      const txn = transactions.get(body.vnp_TxnRef ?? '');
      answer = !txn
        ? { ...base, vnp_ResponseCode: '91', vnp_Message: 'Not found' }
        : {
            ...base, vnp_ResponseCode: '00', vnp_Message: 'QueryDR Success', vnp_Amount: txn.request.vnp_Amount!, vnp_BankCode: 'NCB',
            vnp_PayDate: txn.result?.vnp_PayDate ?? '', vnp_TransactionNo: txn.result?.vnp_TransactionNo ?? '', vnp_TransactionType: '01',
            vnp_TransactionStatus: txn.result?.vnp_TransactionStatus ?? '01', vnp_OrderInfo: txn.request.vnp_OrderInfo ?? '',
          };
    }
    const fields = ['vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate', 'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo', 'vnp_PromotionCode', 'vnp_PromotionAmount'];
    return { ...answer, vnp_SecureHash: pipeHash(fields, answer) };
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const gateway: FakeVnpay = {
    url: base, paymentUrl: `${base}/paymentv2/vpcpay.html`, apiUrl: `${base}/merchant_webapi/api/transaction`, ipnUrl: options.ipnUrl, ipns,
    async pay(paymentUrl, outcome = 'success') {
      const request = readRequest(new URL(paymentUrl).searchParams);
      if (!request) throw new Error('fake VNPay: the payment URL has a bad signature or fields');
      return complete(request, outcome);
    },
    notify, sign,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return gateway;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const html = (title: string, body: string) => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>${body}</body></html>`;

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 64_000) req.destroy(new Error('body too large'));
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}
