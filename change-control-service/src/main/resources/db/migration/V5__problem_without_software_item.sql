-- A problem from complaints that name no fault code has no software item until the investigation
-- (IEC 62304 9.2) finds it.
alter table problem_report_view alter column software_item drop not null;
