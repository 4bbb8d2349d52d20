-- Field reports are stored a consumed batch at a time, in one insert: a report that triage could store
-- must fit here too, or it would fail the insert of its whole batch. Triage's widths.
alter table field_report_view
    alter column report_id type varchar(200),
    alter column product_id type varchar(200),
    alter column software_version type varchar(100);
