-- PMS complaints already turned into field reports: one report per PMS message id, with its awareness time.
create table processed_pms_complaint (
    complaint_id varchar(200) primary key,
    report_id    varchar(36)  not null,
    received_at  timestamptz  not null
);
