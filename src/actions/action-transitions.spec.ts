import type { ActionStatus, Side } from '../engine';
import { commandProblem, type ActionCommand } from './action-transitions';

const ALL: ActionStatus[] = ['open', 'planned', 'done', 'verified', 'dismissed'];
const officeAction = (status: ActionStatus) => ({ status, responsibleSide: 'regional' as Side });
const districtAction = (status: ActionStatus) => ({ status, responsibleSide: 'coordination' as Side });

/** [command, side, statuses from which it is allowed] for an office's action. */
const ALLOWED: Array<[ActionCommand, Side, ActionStatus[]]> = [
  ['plan', 'regional', ['open', 'planned']],
  ['plan', 'coordination', []],
  ['done', 'regional', ['planned']],
  ['done', 'coordination', []],
  ['comment', 'regional', ALL],
  ['comment', 'coordination', ALL],
  ['dismiss', 'regional', []],
  ['dismiss', 'coordination', ['open', 'planned', 'done']],
  ['reopen', 'regional', []],
  ['reopen', 'coordination', ['done', 'verified', 'dismissed']],
  ['verify', 'regional', []],
  ['verify', 'coordination', []],
];

describe('who may do what to an office’s corrective action', () => {
  for (const [command, side, allowed] of ALLOWED) {
    for (const status of ALL) {
      const ok = allowed.includes(status);
      it(`${side} ${ok ? 'may' : 'may not'} ${command} an action that is ${status}`, () => {
        const problem = commandProblem(command, officeAction(status), side);
        if (ok) expect(problem).toBeUndefined();
        else expect(problem?.message).toMatch(/\S/);
        // A side that may do this from some state meets a conflict (409) in the others; a side that
        // may never do it is refused (403).
        if (!ok) expect(problem?.kind).toBe(allowed.length > 0 ? 'conflict' : 'forbidden');
      });
    }
  }

  it('asks for a measure before it can be reported done', () => {
    expect(commandProblem('done', officeAction('open'), 'regional')?.message).toContain('zuerst');
  });

  it('says that only evidence verifies', () => {
    expect(commandProblem('verify', officeAction('done'), 'coordination')?.message).toContain('Nachweis');
  });
});

describe('a district rule’s action (office null): the coordination office is responsible', () => {
  it('plans and reports it done itself', () => {
    expect(commandProblem('plan', districtAction('open'), 'coordination')).toBeUndefined();
    expect(commandProblem('done', districtAction('planned'), 'coordination')).toBeUndefined();
  });

  it('still dismisses and reopens', () => {
    expect(commandProblem('dismiss', districtAction('planned'), 'coordination')).toBeUndefined();
    expect(commandProblem('reopen', districtAction('dismissed'), 'coordination')).toBeUndefined();
  });
});
