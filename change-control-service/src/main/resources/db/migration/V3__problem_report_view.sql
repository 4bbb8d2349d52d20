-- The read model of problem reports (ProblemReportView), IEC 62304 clause 9.
create table problem_report_view (
    id                      varchar(64)   primary key,
    problem_id              varchar(64),
    product_id              varchar(100)  not null,
    software_item           varchar(100)  not null,
    software_version        varchar(50),
    fault_code              varchar(100),
    description             varchar(4000) not null,
    status                  varchar(32)   not null,
    opened_by               varchar(100),
    opened_at               timestamptz   not null,
    criticality             jsonb         not null,
    investigation           jsonb,
    no_action_rationale     varchar(4000),
    resolution_verification jsonb,
    closed_by               varchar(100),
    closed_at               timestamptz,
    links                   jsonb         not null,
    version                 bigint        not null
);

create unique index problem_report_view_problem on problem_report_view (problem_id);
create index problem_report_view_status on problem_report_view (status, opened_at);
