-- When a report sent with an Idempotency-Key first reached intake: its retries keep this awareness time.
create table first_receipt (
    report_id   varchar(36) primary key,
    received_at timestamptz not null
);
