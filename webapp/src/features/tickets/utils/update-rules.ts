import type { TicketDto, TicketPatchRequest } from '@/api/generated/model';

/** What the update panel's inputs hold; '' means "leave as it is" / "not chosen". */
export type UpdateForm = {
  status: string;
  priority: string;
  assignee: string; // agent id, 'none' to unassign
  pendingReason: string;
  pendingFor: string;
  resolution: string;
  tags: string[];
  group: string; // group id; '' when the panel offers no group
  comment: string;
};

export type FieldErrors = Partial<Record<keyof UpdateForm, string>>;

export const formFor = (ticket: TicketDto): UpdateForm => ({
  status: ticket.status,
  priority: ticket.priority,
  assignee: ticket.assigneeId == null ? 'none' : String(ticket.assigneeId),
  pendingReason: '',
  pendingFor: '',
  resolution: '',
  tags: ticket.tags ?? [],
  group: ticket.groupId != null ? String(ticket.groupId) : '',
  comment: '',
});

/** A change in the shape of a PATCH body, as a macro fills it in (absent fields stay as they are). */
export type FilledChange = Pick<
  Partial<TicketPatchRequest>,
  | 'status'
  | 'priority'
  | 'assigneeId'
  | 'pendingReason'
  | 'pendingFor'
  | 'resolution'
  | 'comment'
  | 'addTags'
  | 'removeTags'
  | 'groupId'
>;

/** The form with `change` filled in over the ticket as it is, for the agent to review and save. */
export const formWith = (ticket: TicketDto, change: FilledChange): UpdateForm => {
  const form = formFor(ticket);
  return {
    status: change.status ?? form.status,
    priority: change.priority ?? form.priority,
    assignee: change.assigneeId != null ? String(change.assigneeId) : form.assignee,
    pendingReason: change.pendingReason ?? '',
    pendingFor: change.pendingFor ?? '',
    resolution: change.resolution ?? '',
    group: change.groupId != null ? String(change.groupId) : form.group,
    comment: change.comment ?? '',
    // The macro's tag changes applied to the ticket's tags (sent whole, as the tag editor does).
    tags: [...new Set([...form.tags, ...(change.addTags ?? [])])].filter(
      (tag) => !(change.removeTags ?? []).includes(tag),
    ),
  };
};

/** Pending fields belong to PENDING only, the resolution to CLOSED only (as the server rules). */
export const showsPendingFields = (form: UpdateForm) => form.status === 'PENDING';
export const showsResolution = (form: UpdateForm) => form.status === 'CLOSED';

/**
 * The PATCH body for what changed, or the errors that keep it from being sent. Fields that do
 * not apply to the chosen status are never sent, even if they were filled in before. A change
 * of nothing but the comment is allowed: it lands in the audit trail. The finer rules (PENDING
 * needs a reason and a duration, ...) are the workflow's; their ProblemDetail names the field.
 */
export const buildPatch = (
  ticket: TicketDto,
  form: UpdateForm,
): { patch?: TicketPatchRequest; errors: FieldErrors } => {
  const errors: FieldErrors = {};
  const patch: TicketPatchRequest = { comment: form.comment.trim(), expectedVersion: ticket.version };
  if (form.status !== ticket.status) {
    patch.status = form.status as TicketPatchRequest['status'];
  }
  if (form.priority !== ticket.priority) {
    patch.priority = form.priority as TicketPatchRequest['priority'];
  }
  const currentAssignee = ticket.assigneeId == null ? 'none' : String(ticket.assigneeId);
  if (form.assignee !== currentAssignee) {
    patch.assigneeId = form.assignee === 'none' ? null : Number(form.assignee);
  }
  if (showsPendingFields(form)) {
    if (form.pendingReason) {
      patch.pendingReason = form.pendingReason as TicketPatchRequest['pendingReason'];
    }
    if (form.pendingFor) {
      patch.pendingFor = form.pendingFor;
    }
  }
  if (showsResolution(form) && form.resolution) {
    patch.resolution = form.resolution as TicketPatchRequest['resolution'];
  }
  // Tags are sent whole ("tags" replaces them) and only when they differ; the server normalizes.
  const sorted = (tags: readonly string[]) => [...tags].sort().join('\n');
  if (sorted(form.tags) !== sorted(ticket.tags ?? [])) {
    patch.tags = form.tags;
  }
  if (form.group && form.group !== String(ticket.groupId)) {
    patch.groupId = Number(form.group);
  }
  if (!patch.comment) errors.comment = 'A comment is required: say why you make this change.';
  return Object.keys(errors).length ? { errors } : { patch, errors };
};

/**
 * The inputs a ProblemDetail's `field` may name as it is; the server's "assigneeId" is the
 * assignee input (the update panel renames it).
 */
export const FORM_FIELDS = [
  'status',
  'priority',
  'pendingReason',
  'pendingFor',
  'resolution',
  'tags',
  'comment',
] as const;

/** Server fields shown by another input: the assignee's id, and the tags' add/remove forms. */
export const FIELD_RENAMES = {
  assigneeId: 'assignee',
  addTags: 'tags',
  removeTags: 'tags',
  groupId: 'group',
} as const;
