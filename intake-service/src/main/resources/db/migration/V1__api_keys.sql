-- API keys of machine clients; the secret itself is never stored, only its SHA-256 hash (hex).
create table api_key (
    id         uuid primary key,
    client     varchar(100) not null,
    key_hash   char(64)     not null unique,
    products   text[]       not null default '{}',
    created_at timestamptz  not null,
    revoked_at timestamptz
);

create index api_key_active on api_key (revoked_at) where revoked_at is null;
