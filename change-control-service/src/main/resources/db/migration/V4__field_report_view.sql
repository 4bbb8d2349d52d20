-- The field reports of each problem as triage published them (FieldReportView), and the field evidence
-- a problem report's resolution was last checked on (IEC 62304 9.7).
create table field_report_view (
    report_id        varchar(64)  primary key,
    problem_id       varchar(64)  not null,
    product_id       varchar(100) not null,
    software_version varchar(50),
    aware_at         timestamptz,
    triaged_at       timestamptz  not null
);

create index field_report_view_problem on field_report_view (problem_id, triaged_at);

alter table problem_report_view add column no_recurrence jsonb;
