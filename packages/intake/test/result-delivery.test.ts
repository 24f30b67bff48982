import { describe, expect, it } from 'vitest';
import { deliveryRefusal, resultAnswer, returnRefusal } from '../src/result-delivery.js';

/** The delivery rules on their own, including post, which no catalogue procedure offers yet. */
const facts = (chosen: string | undefined, offered = ['in_person', 'post', 'online'], hasResult = false) => ({ chosen, offered, hasResult });

describe('result delivery rules', () => {
  it('needs the carrier and tracking number for post, the place and appointment in person, an uploaded file online', () => {
    expect(deliveryRefusal({ method: 'post', carrier: 'Bưu điện Việt Nam (VNPost)' }, facts('post'))).toBe('delivery-incomplete');
    expect(deliveryRefusal({ method: 'post', carrier: 'VNPost', tracking: ' ' }, facts('post'))).toBe('delivery-incomplete');
    expect(deliveryRefusal({ method: 'post', carrier: 'VNPost', tracking: 'EB123456789VN' }, facts('post'))).toBeUndefined();
    expect(deliveryRefusal({ method: 'in_person', place: 'Một cửa' }, facts('in_person'))).toBe('delivery-incomplete');
    expect(deliveryRefusal({ method: 'online' }, facts('online'))).toBe('result-missing');
    expect(deliveryRefusal({ method: 'online' }, facts('online', undefined, true))).toBeUndefined();
  });

  it('holds the officer to the applicant\'s choice, or to the procedure\'s options when there was none', () => {
    expect(deliveryRefusal({ method: 'post', carrier: 'VNPost', tracking: 'EB1VN' }, facts('online', undefined, true))).toBe('delivery-method');
    expect(deliveryRefusal({ method: 'post', carrier: 'VNPost', tracking: 'EB1VN' }, facts(undefined, ['in_person', 'online']))).toBe('delivery-method');
    expect(deliveryRefusal({ method: 'post', carrier: 'VNPost', tracking: 'EB1VN' }, facts(undefined))).toBeUndefined();
  });

  it('refuses the return until a delivery is recorded', () => {
    expect(returnRefusal(undefined, facts('post'))).toBe('delivery-missing');
    expect(returnRefusal({ method: 'online' }, facts('post'))).toBe('delivery-missing');
    expect(returnRefusal({ method: 'post', carrier: 'VNPost', tracking: 'EB1VN' }, facts('post'))).toBeUndefined();
  });

  it('shows the tracking number once the result is signed off, and nothing about a result before a choice is known', () => {
    const post = { method: 'post' as const, carrier: 'VNPost', tracking: 'EB123456789VN' };
    expect(resultAnswer('processing', post, facts('post'))).toEqual({ method: 'post', ready: false, downloadable: false });
    expect(resultAnswer('returned', post, facts('post'))).toEqual({ method: 'post', ready: true, carrier: 'VNPost', tracking: 'EB123456789VN', downloadable: false });
    expect(resultAnswer('processing', undefined, facts(undefined))).toBeNull();
    expect(resultAnswer('returned', { method: 'online' }, facts('online', undefined, true))).toMatchObject({ ready: true, downloadable: true });
  });
});
