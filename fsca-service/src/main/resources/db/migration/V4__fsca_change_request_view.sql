-- The change requests that change control raised for a case, with the latest status it published
-- (ChangeRequestView). A change request not raised for a case has no case id.
create table fsca_change_request_view (
    change_request_id varchar(64)  primary key,
    fsca_case_id      varchar(64),
    status            varchar(64)  not null,
    milestone         varchar(100) not null,
    updated_at        timestamptz  not null
);

create index fsca_change_request_view_case on fsca_change_request_view (fsca_case_id);
