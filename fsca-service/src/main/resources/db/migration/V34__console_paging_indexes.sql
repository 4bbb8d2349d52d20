-- The console reads its lists one page at a time: these indexes give each page in the lists' order, so a
-- page of the queue or of the reports reads its own rows, not every row sorted (10,000 open cases and
-- their 20,000 draft reports measured in docs/benchmarks.md, section 6).

-- the queue: the open cases, the nearest deadline first (FscaCaseService.QUEUE_ORDER), in all and per product
create index fsca_case_view_open on fsca_case_view (nearest_deadline nulls last, opened_at)
    where status <> 'CLOSED';
create index fsca_case_view_open_product on fsca_case_view (product_id, nearest_deadline nulls last, opened_at)
    where status <> 'CLOSED';

-- the reports, the next due first (VigilanceReportService.BY_DUE), in all and per status
create index vigilance_report_view_due on vigilance_report_view (due_at, report_id);
drop index vigilance_report_view_status;
create index vigilance_report_view_status on vigilance_report_view (status, due_at, report_id);
