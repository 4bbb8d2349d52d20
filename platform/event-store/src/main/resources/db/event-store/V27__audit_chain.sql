-- The keyed hash chain over each aggregate's stored events (21 CFR 11.10(e)), written in the transaction
-- that appends the events (AuditTrail); each link names the key it was made with (AuditKeys). Version 29
-- (KeyedAuditChainMigration, Java) links the events stored before this table existed.
create table audit_chain (
    aggregate_id  varchar(255) not null,
    sequence      bigint       not null,
    event_id      varchar(255) not null unique,
    hash          varchar(64)  not null,
    previous_hash varchar(64),
    key_id        varchar(16)  not null,
    who           varchar(255) not null,
    at            varchar(255) not null,
    type          varchar(255) not null,
    primary key (aggregate_id, sequence)
);

-- The chain and the events it covers are append-only, for every role: a row is never updated or deleted,
-- a table never truncated. Only the owner of a table (the migration role, never the one the services run
-- as) can disable a trigger or replace this function.
create function audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end
$$;

create trigger audit_chain_append_only before update or delete on audit_chain
    for each row execute function audit_append_only();
create trigger audit_chain_no_truncate before truncate on audit_chain
    for each statement execute function audit_append_only();
create trigger domain_event_entry_append_only before update or delete on domain_event_entry
    for each row execute function audit_append_only();
create trigger domain_event_entry_no_truncate before truncate on domain_event_entry
    for each statement execute function audit_append_only();
