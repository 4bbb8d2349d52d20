-- The last trend evaluation of a problem says which test it ran (MDR Art. 88): against the rate the PMS plan
-- foresees for the devices in use, or, where nothing is foreseen, against the problem's own recent past; what
-- it found (frequency, severity), the devices in use over the window and the result in words.
alter table problem
    add column trend_test           varchar(20),
    add column trend_findings       varchar(40),
    add column trend_devices_in_use double precision,
    add column trend_result         text;
