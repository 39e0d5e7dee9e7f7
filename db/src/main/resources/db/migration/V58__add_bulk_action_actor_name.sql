-- How the audit trail names whoever started a bulk action, fixed when it starts: "Ada Lovelace via
-- token CI bot" for an action started with an API token (as a single change made with it is named);
-- null for one started from a session, named as the agent.
alter table bulk_actions add column actor_name text;
