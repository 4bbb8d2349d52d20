-- Every column is at least as wide as what intake accepts (contracts FieldLengths): a device that sent a
-- 51 to 64 character software version stopped the problem report projection, which retried the event for
-- good. And a user name of the identity provider may be 255 characters long.
alter table problem_report_view
    alter column software_version type varchar(64),
    alter column opened_by type varchar(255),
    alter column closed_by type varchar(255);

alter table change_request_view alter column requested_by type varchar(255);
