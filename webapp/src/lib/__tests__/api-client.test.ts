import { describe, expect, it } from 'vitest';
import { ApiError, formErrorsOf } from '@/lib/api-client';

const blaming = (field: string | undefined, detail = 'Not like this.') =>
  new ApiError(400, { status: 400, detail, ...(field ? { field } : {}) });

describe('formErrorsOf', () => {
  it('is empty without an error', () => {
    expect(formErrorsOf(null, ['body'])).toEqual({ fields: {} });
    expect(formErrorsOf(undefined, ['body'])).toEqual({ fields: {} });
  });

  it("puts the server's message under the input its field names", () => {
    expect(formErrorsOf(blaming('subject', 'Too long.'), ['subject', 'description'])).toEqual({
      fields: { subject: 'Too long.' },
    });
  });

  it('puts it above the form when the form has no such input', () => {
    expect(formErrorsOf(blaming('organizationId'), ['subject'])).toEqual({ fields: {}, form: 'Not like this.' });
  });

  it('puts it above the form when no field is blamed', () => {
    expect(formErrorsOf(new ApiError(409, { status: 409, title: 'Conflict' }), ['subject'])).toEqual({
      fields: {},
      form: 'Conflict',
    });
  });

  it('follows a renamed field to its input', () => {
    expect(formErrorsOf(blaming('assigneeId'), ['comment'], { assigneeId: 'assignee' })).toEqual({
      fields: { assignee: 'Not like this.' },
    });
  });

  it('does not take inherited names for renamed fields', () => {
    expect(formErrorsOf(blaming('constructor'), ['comment'], {})).toEqual({ fields: {}, form: 'Not like this.' });
  });

  it('shows network and other failures above the form', () => {
    expect(formErrorsOf(new TypeError('Failed to fetch'), ['body'])).toEqual({ fields: {}, form: 'Failed to fetch' });
  });
});
