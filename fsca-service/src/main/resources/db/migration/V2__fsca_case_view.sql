-- The read model of FSCA cases (FscaCaseView); V1 is the event store (db/event-store).
create table fsca_case_view (
    case_id          varchar(64)  primary key,
    problem_id       varchar(64)  not null,
    product_id       varchar(100) not null,
    status           varchar(32)  not null,
    opened_at        timestamptz  not null,
    nearest_deadline timestamptz,
    version          bigint       not null,
    details          jsonb        not null
);

create index fsca_case_view_problem on fsca_case_view (problem_id);
create index fsca_case_view_queue on fsca_case_view (status, nearest_deadline);
