-- A key's own rate limit (reports per second and burst); null means the node's intake.rate-limit.*.
alter table api_key
    add column reports_per_second double precision,
    add column burst              double precision,
    add constraint api_key_rate_limit_complete check ((reports_per_second is null) = (burst is null));
