-- The organization page and the ticket page's customer context list the tickets of an
-- organization and of an asset (TicketRepository.listRelated); reporters have tickets_reporter.
create index tickets_organization on tickets (organization_id, number) where organization_id is not null;
create index tickets_asset on tickets (asset_id, number) where asset_id is not null;
