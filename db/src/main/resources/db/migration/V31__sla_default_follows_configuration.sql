-- Issue 18: the seeded "Default" SLA policy (V25) follows the configured targets
-- (tempodesk.sla.<priority>.to-assign|to-resolve) until an admin edits it. While
-- follows_configuration is true the app writes the configured targets into it at every start, so
-- a deployment's configuration keeps governing its tickets as before policies, now through the
-- policy list where admins see it; editing the policy (PUT /api/sla-policies/{id}) clears the flag
-- for good and the policy is the admin's from then on. Reordering does not count as an edit.
-- A Default that was edited before this migration (updated_at moved) stays the admin's.
alter table sla_policies add column follows_configuration boolean not null default false;

update sla_policies
   set follows_configuration = true
 where name = 'Default'
   and updated_at = created_at
   and conditions = '{}'
   and calendar_id = (select id from business_calendars where built_in);

create unique index sla_policies_one_following_configuration
  on sla_policies (follows_configuration) where follows_configuration;
