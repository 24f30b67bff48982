import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeSource, type HolidayCalendar, type Procedure, type Step } from '@thutuc/core';
import { createWorkingCalendar } from '@thutuc/runtime';
import {
  DOSSIER_ACTIONS, DOSSIER_STATUSES, availableActions, isOverdue, openDossier, statusByCode, stepProgress, timeStatus, transition,
  type ActionInput, type ActorRole, type Dossier, type DossierAction, type DossierStatus, type LifecycleEnv,
} from '@thutuc/intake';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (file: string) => analyzeSource({ file, bytes: readFileSync(path.join(root, file)) }).document!.value;
const calendar = createWorkingCalendar([read('catalogue/shared/holidays/2026.yaml') as HolidayCalendar]);
const deathSteps = (read('catalogue/ho-tich/dang-ky-khai-tu.yaml') as Procedure).steps!;
const env: LifecycleEnv = { calendar, steps: deathSteps };
const why = { vi: 'Thiếu Giấy báo tử', en: 'The death notification is missing' };

function fresh(): Dossier {
  const r = openDossier({
    code: 'G15.01-20260423-0000001', procedureId: 'ho-tich.thu-nghiem', channel: 'online', submittedAt: '2026-04-23T20:00',
    processingTime: { value: 7, unit: 'working_day', extensions: [{ value: 2, unit: 'working_day', reason: { vi: 'Cần xác minh' } }] },
  });
  if (!r.ok) throw new Error(r.error.message.en);
  return r.dossier;
}

let clock = 0;
/** Applies actions in order, each a minute after the last, failing the test on any refusal. */
function run(d: Dossier, ...steps: [DossierAction, ActorRole, Partial<ActionInput>?][]): Dossier {
  for (const [action, role, extra] of steps) {
    const at = extra?.at ?? `2026-04-24T10:${String(clock++ % 60).padStart(2, '0')}`;
    const r = transition(d, action, { actor: { role }, at, reason: why, ...extra }, env);
    if (!r.ok) throw new Error(`${action}: ${r.error.message.en}`);
    d = r.dossier;
  }
  return d;
}

/** A path to each status from a new dossier. */
const PATHS: Record<DossierStatus, [DossierAction, ActorRole][]> = {
  submitted: [],
  accepted: [['accept', 'reception']],
  rejected: [['reject', 'reception']],
  processing: [['accept', 'reception'], ['start', 'system']],
  supplement_requested: [['accept', 'reception'], ['start', 'system'], ['request_supplement', 'officer']],
  payment_requested: [['accept', 'reception'], ['start', 'system'], ['request_payment', 'officer']],
  withdrawn: [['withdraw', 'applicant']],
  stopped: [['accept', 'reception'], ['stop', 'officer']],
  processed: [['accept', 'reception'], ['start', 'system'], ['complete', 'leader']],
  returned: [['accept', 'reception'], ['start', 'system'], ['complete', 'leader'], ['deliver', 'reception']],
};
const reach = (s: DossierStatus) => (clock = 0, run(fresh(), ...PATHS[s]));

describe('dossier statuses', () => {
  it('use the national codes and labels 1–10', () => {
    const list = Object.values(DOSSIER_STATUSES).map((s) => `${s.code} ${s.vi}`);
    expect(list).toEqual([
      '1 Mới đăng ký', '2 Được tiếp nhận', '3 Không được tiếp nhận', '4 Đang xử lý', '5 Yêu cầu bổ sung giấy tờ',
      '6 Yêu cầu thực hiện nghĩa vụ tài chính', '7 Công dân yêu cầu rút hồ sơ', '8 Dừng xử lý', '9 Đã xử lý xong', '10 Đã trả kết quả',
    ]);
    expect(statusByCode(5)).toBe('supplement_requested');
    expect(statusByCode(11)).toBeUndefined();
  });
});

describe('transitions', () => {
  const table: [DossierStatus, DossierAction, ActorRole, DossierStatus | string, Partial<ActionInput>?][] = [
    ['submitted', 'accept', 'reception', 'accepted'],
    ['submitted', 'accept', 'applicant', 'forbidden'],
    ['submitted', 'reject', 'reception', 'reason-required', { reason: { vi: ' ' } }],
    ['submitted', 'start', 'system', 'not-allowed'],
    ['submitted', 'withdraw', 'applicant', 'withdrawn'],
    ['accepted', 'start', 'officer', 'processing'],
    ['accepted', 'complete', 'leader', 'not-allowed'],
    ['processing', 'complete', 'officer', 'forbidden'],
    ['processing', 'complete', 'leader', 'processed'],
    ['processing', 'request_payment', 'officer', 'payment_requested'],
    ['processing', 'stop', 'leader', 'stopped'],
    ['processing', 'extend', 'leader', 'processing', { extension: 0 }],
    ['processing', 'extend', 'leader', 'bad-extension', { extension: 4 }],
    ['processing', 'complete_step', 'officer', 'processing', { step: 1 }],
    ['processing', 'complete_step', 'officer', 'forbidden', { step: 2 }],
    ['processing', 'complete_step', 'leader', 'bad-step', { step: 9 }],
    ['supplement_requested', 'supplement', 'applicant', 'processing'],
    ['supplement_requested', 'complete', 'leader', 'not-allowed'],
    ['supplement_requested', 'withdraw', 'applicant', 'withdrawn'],
    ['payment_requested', 'pay', 'system', 'processing'],
    ['payment_requested', 'pay', 'officer', 'forbidden'],
    ['submitted', 'pay', 'system', 'submitted'],
    ['processing', 'pay', 'reception', 'processing'],
    ['processed', 'pay', 'system', 'not-allowed'],
    ['processed', 'deliver', 'reception', 'returned'],
    ['processed', 'withdraw', 'applicant', 'not-allowed'],
    ['returned', 'deliver', 'reception', 'not-allowed'],
    ['rejected', 'accept', 'reception', 'not-allowed'],
    ['withdrawn', 'start', 'system', 'not-allowed'],
    ['stopped', 'complete', 'leader', 'not-allowed'],
  ];
  it.each(table)('%s —%s by %s→ %s', (status, action, role, expected, extra) => {
    const d = reach(status);
    const r = transition(d, action, { actor: { role }, at: '2026-04-24T11:00', reason: why, ...extra }, env);
    if (expected in DOSSIER_STATUSES) {
      expect(r.ok && r.dossier.status).toBe(expected);
      expect(r.ok && r.entry).toMatchObject({ action, from: status, to: expected, statusCode: DOSSIER_STATUSES[expected as DossierStatus].code });
    } else {
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.code).toBe(expected);
      expect(!r.ok && r.error.message.vi.length).toBeGreaterThan(10);
    }
  });

  it('never throw, whatever the status, action and role', () => {
    const roles: ActorRole[] = ['applicant', 'reception', 'officer', 'leader', 'system'];
    for (const status of Object.keys(PATHS) as DossierStatus[]) {
      const d = reach(status);
      for (const action of [...Object.keys(DOSSIER_ACTIONS), 'teleport'] as DossierAction[]) {
        for (const role of roles) {
          const r = transition(d, action, { actor: { role }, at: '2026-04-24T11:00', reason: why, step: 1, extension: 0 }, env);
          const allowed = availableActions(status, role).includes(action);
          expect(r.ok, `${status} ${action} ${role}`).toBe(allowed && (action !== 'complete_step' || role === 'officer'));
        }
      }
    }
  });

  it('refuse a time earlier than the last action and a time that does not exist', () => {
    const d = reach('accepted');
    expect(transition(d, 'start', { actor: { role: 'system' }, at: '2026-04-23T09:00' }, env)).toMatchObject({ ok: false, error: { code: 'time-order' } });
    expect(transition(d, 'start', { actor: { role: 'system' }, at: '2026-04-31T09:00' }, env)).toMatchObject({ ok: false, error: { code: 'bad-time' } });
  });
});

describe('the due date through a dossier’s life', () => {
  it('is set on acceptance, stopped for a supplement and resumed with the remaining working days', () => {
    const original = fresh();
    const snapshot = structuredClone(original);
    let d = run(original, ['accept', 'reception', { at: '2026-04-24T10:00' }], ['start', 'system', { at: '2026-04-24T10:05' }]);
    expect(original).toEqual(snapshot); // nothing mutated
    expect(d.due).toBe('2026-05-08T17:00:00+07:00');
    expect(timeStatus(d, '2026-05-08T16:59')).toEqual({ state: 'on-time', due: d.due });
    expect(isOverdue(d, '2026-05-08T17:01')).toBe(true);

    d = run(d, ['request_supplement', 'officer', { at: '2026-04-29T09:00' }]);
    expect(d).toMatchObject({ status: 'supplement_requested', statusCode: 5, remaining: 6, due: undefined });
    expect(timeStatus(d, '2026-06-30T09:00')).toEqual({ state: 'paused', remaining: 6 });

    d = run(d, ['supplement', 'applicant', { at: '2026-05-05T14:00' }]);
    expect(d.due).toBe(`${calendar.addWorkingDays('2026-05-05', 6)}T17:00:00+07:00`);
    expect(d.due).toBe('2026-05-13T17:00:00+07:00');

    d = run(d, ['extend', 'leader', { at: '2026-05-06T08:00', extension: 0 }]);
    expect(d.due).toBe('2026-05-15T17:00:00+07:00');
    d = run(d, ['complete', 'leader', { at: '2026-05-15T16:00' }], ['deliver', 'reception', { at: '2026-05-18T08:00' }]);
    expect(d.history.map((h) => h.statusCode)).toEqual([1, 2, 4, 5, 4, 4, 9, 10]);
    expect(d.history[1]).toMatchObject({ action: 'accept', actor: { role: 'reception' }, due: '2026-05-08T17:00:00+07:00' });
    expect(timeStatus(d, '2026-06-01T00:00')).toEqual({ state: 'finished-on-time', due: d.due });
  });

  it('tells a late result from an on-time one, and ignores closed dossiers', () => {
    const late = run(reach('processing'), ['complete', 'leader', { at: '2026-05-11T08:00' }]);
    expect(timeStatus(late, '2026-05-11T08:00').state).toBe('finished-late');
    expect(timeStatus(reach('withdrawn'), '2027-01-01T00:00').state).toBe('closed');
    expect(timeStatus(fresh(), '2027-01-01T00:00').state).toBe('not-started');
  });
});

describe('progress against the procedure’s steps', () => {
  it('follows the declared steps of đăng ký khai tử and who completes each', () => {
    let d = run(reach('processing'), ['complete_step', 'reception', { step: 0 }], ['complete_step', 'officer', { step: 1 }]);
    const p = stepProgress(d, deathSteps);
    expect(p).toMatchObject({ done: 2, total: 3, current: 2 });
    expect(p.steps.map((s) => [s.actor, s.done])).toEqual([['applicant', true], ['officer', true], ['leader', false]]);
    const again = transition(d, 'complete_step', { actor: { role: 'officer' }, at: '2026-04-24T12:00', step: 1 }, env);
    expect(!again.ok && again.error.code).toBe('step-done');
    d = run(d, ['complete_step', 'leader', { step: 2 }]);
    expect(stepProgress(d, deathSteps).current).toBeUndefined();
  });

  it('moves the timeline of đăng ký khai sinh with the lifecycle, not only with the steps an officer marks', () => {
    const birthSteps = (read('catalogue/ho-tich/dang-ky-khai-sinh.yaml') as Procedure).steps!;
    const states = (d: Dossier) => stepProgress(d, birthSteps).steps.map((s) => s.state[0]).join('');
    // d done, c current, p still to come, s not this dossier's way, i only if it happens.
    // The dossier was filed online: filing in person is skipped; checking it is next, while the
    // supplement request, the refusal and the apology happen only if needed.
    expect(states(reach('submitted'))).toBe('sdciippipp');
    expect(birthSteps.map((s) => s.actor).join(' ')).toBe('applicant applicant reception reception reception officer officer officer officer leader');
    expect(birthSteps.map((s) => s.channels?.join() ?? s.when ?? '-').join(' ')).toBe('in_person online - supplement_requested refused - - extended - -');
    // Accepted without a supplement: the reception's conditional steps were passed over, not done.
    expect(states(reach('processing'))).toBe('sddsscpipp');
    // Waiting for the applicant's supplement: that step is the current one, and only it.
    expect(states(reach('supplement_requested'))).toBe('sddcsppipp');
    expect(stepProgress(reach('supplement_requested'), birthSteps).current).toBe(3);
    // Once the supplement came in, it is done.
    expect(states(run(reach('supplement_requested'), ['supplement', 'applicant']))).toMatch(/^sddds/);
    // A later step marked done puts the ordinary ones before it behind; the apology never happened.
    const mark = transition(reach('processing'), 'complete_step', { actor: { role: 'officer' }, at: '2026-04-24T11:00', step: 8 }, { calendar, steps: birthSteps });
    if (!mark.ok) throw new Error(mark.error.message.en);
    const marked = mark.dossier;
    expect(states(marked)).toBe('sddssddsdc');
    expect(stepProgress(marked, birthSteps).steps[8]!.doneAt).toBeDefined();
    expect(stepProgress(marked, birthSteps).steps[6]!.doneAt).toBeUndefined();
    // Signed off and returned: nothing current or to come — though no step was marked.
    expect(states(reach('processed'))).toBe('sddssddsdd');
    const returned = stepProgress(reach('returned'), birthSteps);
    expect(returned).toMatchObject({ done: 6, total: birthSteps.length });
    expect(returned.current).toBeUndefined();
    // An extension granted: the apology step happened.
    expect(states(run(reach('processing'), ['extend', 'leader', { extension: 0 }]))).toBe('sddsscpdpp');
    // Closed early: what was behind it stays done, nothing is current; a stop is the refusal step.
    expect(states(reach('withdrawn'))).toBe('sdpssppspp');
    expect(states(reach('stopped'))).toBe('sddsdppspp');
    // A procedure whose return is the desk's last step: signed off leaves that step current.
    const withReturn: Step[] = [{ actor: 'officer', title: { vi: 'Thẩm định' } }, { actor: 'leader', title: { vi: 'Ký' } }, { actor: 'reception', title: { vi: 'Trả kết quả' } }];
    expect(stepProgress(reach('processed'), withReturn).steps.map((s) => s.state)).toEqual(['done', 'done', 'current']);
    expect(stepProgress(reach('returned'), withReturn).steps.map((s) => s.state)).toEqual(['done', 'done', 'done']);
  });

  it('gives each step with a share of the time limit its own due date', () => {
    const steps: Step[] = [
      { actor: 'reception', title: { vi: 'Tiếp nhận' }, share: 0.2 },
      { actor: 'officer', title: { vi: 'Thẩm định' }, share: 0.6 },
      { actor: 'leader', title: { vi: 'Ký duyệt' }, share: 0.2 },
    ];
    clock = 0;
    const d = run(fresh(), ['accept', 'reception', { at: '2026-04-24T10:00' }]);
    // 7 working days: 28, 29/4, 4, 5, 6, 7, 8/5 → 20 % ends on day 2, 80 % on day 6, 100 % on day 7
    expect(stepProgress(d, steps, { calendar }).steps.map((s) => s.due)).toEqual([
      '2026-04-29T17:00:00+07:00', '2026-05-07T17:00:00+07:00', '2026-05-08T17:00:00+07:00',
    ]);
  });
});
