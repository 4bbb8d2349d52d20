-- Awareness, follow-ups and what a trend counts (MDR Art. 87, 88; 21 CFR 803.3).
-- aware_at stays the awareness the clocks run from; received_at is intake's receipt (the same for reports
-- triaged before the reporter could give an earlier awareness). original_report_id is the report that first
-- told of the event: the report itself, or the earlier report it follows up, so an event counts once.
alter table triage_result
    add column received_at        timestamptz,
    add column follow_up_of       varchar(200),
    add column original_report_id varchar(200),
    -- the severity under which the report counts in its problem's trend: a new event that is not a serious
    -- incident (serious incidents are reported one by one under Art. 87); null when it does not count
    add column trend_severity     integer;

update triage_result set
    received_at = aware_at,
    original_report_id = report_id,
    trend_severity = case when (view ->> 'seriousIncident')::boolean then null else (view ->> 'severity')::integer end;

-- The day counts hold what a trend counts, per severity, so a test by severity reads them as one by frequency.
drop table problem_day_count;
create table problem_day_count (
    problem_id varchar(36) not null,
    day        date        not null,
    severity   integer     not null,
    reports    bigint      not null,
    primary key (problem_id, day, severity)
);

insert into problem_day_count (problem_id, day, severity, reports)
select problem_id, (aware_at at time zone 'UTC')::date, trend_severity, count(*)
from triage_result
where trend_severity is not null
group by 1, 2, 3;

drop index triage_result_trend;
create index triage_result_trend on triage_result (problem_id, aware_at) where trend_severity is not null;
