-- A triage result's two documents (the view it re-publishes and the report as received) are written once per
-- report and read back only whole: json keeps their text as given, where jsonb parsed it into its binary form on
-- every insert and printed it again on every read (docs/decisions/0030-documents-read-whole-are-json.md).
alter table triage_result
    alter column view type json using view::json,
    alter column report type json using report::json;
