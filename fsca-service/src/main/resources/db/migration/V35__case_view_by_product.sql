-- The queue of one product lists the drafts on that product's cases, closed ones included: its cases by
-- product, without the open cases' partial index (V34), read through vigilance_report_view_case (V31).
create index fsca_case_view_product on fsca_case_view (product_id);
