-- The case chains as they were before keys (SHA-256 links without a key), kept append-only as the record
-- of what was linked then: version 29 (KeyedAuditChainMigration) verifies each case's old chain against
-- the event store and gives its events keyed links in audit_chain only when it holds.
alter table fsca_audit_chain rename to audit_chain_unkeyed;
alter table audit_chain_unkeyed rename column case_id to aggregate_id;
create trigger audit_chain_unkeyed_no_truncate before truncate on audit_chain_unkeyed
    for each statement execute function audit_append_only();
