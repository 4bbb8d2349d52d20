-- Refused electronic signatures (21 CFR 11.300(d)): who tried, when, what they were signing, why refused.
-- Shared by the services that sign (fsca, change-control): their flyway locations include db/signature.
create table signature_failure (
    id bigserial primary key,
    attempted_at timestamptz not null,
    username varchar(255) not null,
    record varchar(2000) not null,
    meaning varchar(32),
    reason varchar(1000) not null
);

create index signature_failure_attempted_at on signature_failure (attempted_at);
