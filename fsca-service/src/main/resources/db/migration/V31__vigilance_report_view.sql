-- The vigilance reports (VigilanceReportView): one row per report with what its list filters and shows,
-- and as JSON regulatory affairs' additions to the draft and the report as it was submitted.
create table vigilance_report_view (
    report_id          varchar(64)  primary key,
    version            bigint       not null,
    case_id            varchar(64)  not null,
    incident_report_id varchar(255),
    regime             varchar(32)  not null,
    kind               varchar(32)  not null,
    basis              varchar(255) not null,
    due_at             timestamptz  not null,
    follow_up_number   integer      not null default 0,
    status             varchar(32)  not null,
    updated_at         timestamptz  not null,
    details            jsonb        not null
);

-- a case's reports, and every report due next
create index vigilance_report_view_case on vigilance_report_view (case_id, due_at);
create index vigilance_report_view_status on vigilance_report_view (status, due_at);
