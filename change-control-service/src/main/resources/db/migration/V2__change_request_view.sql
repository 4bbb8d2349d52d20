-- The read model of change requests (ChangeRequestView); V1 is the event store (db/event-store).
create table change_request_view (
    id                varchar(64)   primary key,
    title             varchar(200)  not null,
    reason            varchar(4000) not null,
    product_id        varchar(100)  not null,
    problem_report_id varchar(64),
    problem_id        varchar(64),
    fsca_case_id      varchar(64),
    status            varchar(32)   not null,
    requested_by      varchar(100)  not null,
    raised_at         timestamptz   not null,
    version           bigint        not null,
    details           jsonb         not null
);

create index change_request_view_problem on change_request_view (problem_id);
create index change_request_view_fsca_case on change_request_view (fsca_case_id);
create index change_request_view_status on change_request_view (status, raised_at);
