import type { MacroDto, MacroRequest } from '@/api/generated/model';

/** What the macro editor's inputs hold; '' means "leave as it is" / "not chosen". */
export type MacroForm = {
  name: string;
  shared: boolean;
  replyText: string;
  note: string;
  status: string;
  pendingReason: string;
  pendingFor: string;
  resolution: string;
  priority: string;
  assignee: string; // '' leave alone, 'applier' the agent applying it, else an agent id
  addTags: string; // comma separated
  removeTags: string;
};

export const EMPTY_MACRO: MacroForm = {
  name: '',
  shared: false,
  replyText: '',
  note: '',
  status: '',
  pendingReason: '',
  pendingFor: '',
  resolution: '',
  priority: '',
  assignee: '',
  addTags: '',
  removeTags: '',
};

export const formOf = (macro: MacroDto): MacroForm => ({
  name: macro.name,
  shared: macro.shared,
  replyText: macro.replyText,
  note: macro.note,
  status: macro.status ?? '',
  pendingReason: macro.pendingReason ?? '',
  pendingFor: macro.pendingFor ?? '',
  resolution: macro.resolution ?? '',
  priority: macro.priority ?? '',
  assignee: macro.assignToApplier ? 'applier' : macro.assigneeId != null ? String(macro.assigneeId) : '',
  addTags: macro.addTags.join(', '),
  removeTags: macro.removeTags.join(', '),
});

const tags = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

/**
 * The request body. Pending fields go only with PENDING and the resolution only with CLOSED (as
 * the server rules); every other check (unknown placeholders, PENDING without a reason) is the
 * server's, whose ProblemDetail names the field.
 */
export const requestOf = (form: MacroForm): MacroRequest => {
  const request: MacroRequest = {
    name: form.name.trim(),
    shared: form.shared,
    replyText: form.replyText,
    note: form.note,
    addTags: tags(form.addTags),
    removeTags: tags(form.removeTags),
  };
  if (form.status) request.status = form.status as MacroRequest['status'];
  if (form.status === 'PENDING') {
    if (form.pendingReason) request.pendingReason = form.pendingReason as MacroRequest['pendingReason'];
    if (form.pendingFor) request.pendingFor = form.pendingFor;
  }
  if (form.status === 'CLOSED' && form.resolution) request.resolution = form.resolution as MacroRequest['resolution'];
  if (form.priority) request.priority = form.priority as MacroRequest['priority'];
  if (form.assignee === 'applier') request.assignToApplier = true;
  else if (form.assignee) request.assigneeId = Number(form.assignee);
  return request;
};

/** One line on what a macro changes, for the list and the picker ("Status PENDING · Priority HIGH"). */
export const changeSummary = (
  macro: Pick<
    MacroDto,
    | 'status'
    | 'priority'
    | 'assignToApplier'
    | 'assigneeName'
    | 'assigneeId'
    | 'addTags'
    | 'removeTags'
    | 'pendingReason'
  >,
) => {
  const parts: string[] = [];
  if (macro.status) parts.push(`Status ${macro.status}${macro.pendingReason ? ` (${macro.pendingReason})` : ''}`);
  if (macro.priority) parts.push(`Priority ${macro.priority}`);
  if (macro.assignToApplier) parts.push('Assign to me');
  else if (macro.assigneeId != null) parts.push(`Assign to ${macro.assigneeName ?? `#${macro.assigneeId}`}`);
  if (macro.addTags.length) parts.push(`Tags +${macro.addTags.join(' +')}`);
  if (macro.removeTags.length) parts.push(`Tags −${macro.removeTags.join(' −')}`);
  return parts.join(' · ');
};
