-- The received report as triaged, so that a decision can be replayed under another policy (what-if).
alter table triage_result add column report text;
create index triage_result_trend on triage_result (problem_id, aware_at);

-- Problems (IEC 62304 9.1): one row per (product, software item, fault code), inserted with the batch that
-- stores the problem's first report; that report's batch (re)publishes ProblemDetected. The row also holds
-- the trend state (MDR Art. 88, IEC 62304 9.6) of the last evaluation and the signal of the current or
-- last episode, which the batch of the report that raised it (re)publishes.
create table problem (
    problem_id        varchar(36)  primary key,
    product_id        varchar(200) not null,
    software_item     varchar(200),
    fault_code        varchar(200),
    first_report_id   varchar(200) not null,
    first_seen        timestamptz  not null,
    detected_at       timestamptz  not null,
    trend_signal      boolean      not null default false,
    trend_observed    bigint,
    trend_expected    double precision,
    trend_p_value     double precision,
    trend_evaluated_at timestamptz,
    trend_since       timestamptz,
    trend_episodes    integer      not null default 0,
    trend_report_id   varchar(200),
    trend_event       text
);
create index problem_product on problem (product_id);
create index problem_first_report on problem (first_report_id);
create index problem_trend_report on problem (trend_report_id);

-- Problems of the reports triaged before this table existed.
insert into problem (problem_id, product_id, software_item, fault_code, first_report_id, first_seen, detected_at)
select distinct on (problem_id) problem_id, product_id, software_item, fault_code, report_id, aware_at, triaged_at
from triage_result order by problem_id, aware_at, report_id;
