import type { RuleDto, RuleRequest } from '@/api/generated/model';

/** The rule dialog's fields, as typed. Lists are comma-separated. */
export type RuleForm = {
  name: string;
  enabled: boolean;
  mailboxId: string;
  recipient: string;
  organizationId: string;
  keywords: string;
  channel: string;
  groupId: string;
  setPriority: string;
  addTags: string;
};

export const EMPTY_RULE: RuleForm = {
  name: '',
  enabled: true,
  mailboxId: '',
  recipient: '',
  organizationId: '',
  keywords: '',
  channel: '',
  groupId: '',
  setPriority: '',
  addTags: '',
};

export const formOf = (rule: RuleDto): RuleForm => ({
  name: rule.name,
  enabled: rule.enabled,
  mailboxId: rule.mailboxId == null ? '' : String(rule.mailboxId),
  recipient: rule.recipient ?? '',
  organizationId: rule.organizationId == null ? '' : String(rule.organizationId),
  keywords: (rule.keywords ?? []).join(', '),
  channel: rule.channel ?? '',
  groupId: String(rule.groupId),
  setPriority: rule.setPriority ?? '',
  addTags: (rule.addTags ?? []).join(', '),
});

const list = (text: string) =>
  text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
const id = (text: string) => (text === '' ? null : Number(text));
const text = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * The whole rule: an edit sends every field, and a cleared condition goes as null, which clears it
 * on the server (the generated type knows no nulls).
 */
export const requestOf = (form: RuleForm): RuleRequest =>
  ({
    name: form.name,
    enabled: form.enabled,
    mailboxId: id(form.mailboxId),
    recipient: text(form.recipient),
    organizationId: id(form.organizationId),
    keywords: list(form.keywords),
    channel: text(form.channel),
    groupId: id(form.groupId),
    setPriority: text(form.setPriority),
    addTags: list(form.addTags),
  }) as unknown as RuleRequest;

/** "recipient billing@…, keywords refund / invoice" — or "every ticket". */
export const conditionsSummary = (rule: RuleDto, names: { mailbox?: string; organization?: string }) => {
  const parts: string[] = [];
  if (rule.mailboxId != null) parts.push(`mailbox ${names.mailbox ?? `#${rule.mailboxId}`}`);
  if (rule.recipient) parts.push(`to ${rule.recipient}`);
  if (rule.organizationId != null) parts.push(`organization ${names.organization ?? `#${rule.organizationId}`}`);
  if (rule.keywords.length > 0) parts.push(`words ${rule.keywords.map((word) => `“${word}”`).join(' or ')}`);
  if (rule.channel) parts.push(`channel ${rule.channel.toLowerCase()}`);
  return parts.length === 0 ? 'Every ticket' : parts.join(', ');
};

export const actionsSummary = (rule: RuleDto) => {
  const parts = [rule.groupName];
  if (rule.setPriority) parts.push(`priority ${rule.setPriority.toLowerCase()}`);
  if (rule.addTags.length > 0) parts.push(`tags ${rule.addTags.join(', ')}`);
  return parts.join(' · ');
};
