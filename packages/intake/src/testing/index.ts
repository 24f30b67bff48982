// @thutuc/intake/testing — stand-ins for outside services, for tests and demos. Never for production.
export { startFakeVnpay, type FakeVnpay, type FakeVnpayOptions, type IpnExchange } from './fake-vnpay.js';
