-- The hash chain over each case's stored events (21 CFR 11.10(e)), written in the transaction that
-- appends the events (AuditTrail). Append-only: updates and deletes are refused.
create table fsca_audit_chain (
    case_id       varchar(255) not null,
    sequence      bigint       not null,
    event_id      varchar(255) not null unique,
    hash          varchar(64)  not null,
    previous_hash varchar(64),
    who           varchar(255) not null,
    at            varchar(255) not null,
    type          varchar(255) not null,
    primary key (case_id, sequence)
);

create function fsca_audit_chain_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'fsca_audit_chain is append-only';
end
$$;

create trigger fsca_audit_chain_append_only before update or delete on fsca_audit_chain
    for each row execute function fsca_audit_chain_append_only();
