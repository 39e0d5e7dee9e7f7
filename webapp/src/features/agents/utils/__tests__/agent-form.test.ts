import { describe, expect, it } from 'vitest';
import type { AgentDto } from '@/api/generated/model';
import { createRequest, emptyForm, formOf, patchRequest } from '@/features/agents/utils/agent-form';

const max: AgentDto = {
  id: 2,
  displayName: 'Max Manager',
  email: 'max@tempodesk.demo',
  role: 'MANAGER',
  capacity: 3,
  available: true,
  active: true,
  canSignIn: true,
  skills: ['billing'],
  createdAt: '2026-11-01T08:00:00Z',
};

describe('agent form', () => {
  it('sends nothing when nothing changed, so an edit never overwrites others', () => {
    expect(patchRequest(max, formOf(max))).toEqual({});
  });

  it('sends only the changed fields, trimmed, capacity as a number', () => {
    const form = { ...formOf(max), displayName: ' Max M. ', capacity: '7', available: false };
    expect(patchRequest(max, form)).toEqual({ displayName: 'Max M.', capacity: 7, available: false });
  });

  it('sends the skills only when they changed, in any order', () => {
    expect(
      patchRequest({ ...max, skills: ['vpn', 'billing'] }, { ...formOf(max), skills: ['billing', 'vpn'] }),
    ).toEqual({});
    expect(patchRequest(max, { ...formOf(max), skills: ['billing', 'vpn'] })).toEqual({ skills: ['billing', 'vpn'] });
    expect(patchRequest(max, { ...formOf(max), skills: [] })).toEqual({ skills: [] });
  });

  it('keeps the password unless a new one is typed, and deactivates', () => {
    expect(patchRequest(max, { ...formOf(max), active: false })).toEqual({ active: false });
    expect(patchRequest(max, { ...formOf(max), password: 'new secret 1' })).toEqual({ password: 'new secret 1' });
  });

  it('leaves a blank capacity and password out of a new agent, for the server defaults', () => {
    const form = { ...emptyForm(), displayName: 'Nina', email: ' nina@tempodesk.demo ', capacity: ' ' };
    expect(createRequest(form)).toEqual({
      displayName: 'Nina',
      email: 'nina@tempodesk.demo',
      role: 'AGENT',
      capacity: undefined,
      available: true,
      password: undefined,
      skills: [],
    });
  });
});
