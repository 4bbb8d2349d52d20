-- The case over time: the problem's closed case a case follows, and whether news after the decision awaits
-- its review (FscaCaseView). A case may issue several Field Safety Notices: its one "notice" becomes the
-- first of "notices".
alter table fsca_case_view
    add column previous_case_id         varchar(64),
    add column decision_review_required boolean not null default false;

update fsca_case_view
set details = (details - 'notice') || jsonb_build_object('notices',
        case when jsonb_typeof(details -> 'notice') = 'object'
             then jsonb_build_array(details -> 'notice')
             else '[]'::jsonb end);
