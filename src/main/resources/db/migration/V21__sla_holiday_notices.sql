-- Official holiday notices managers load per calendar and year (io.opsdesk.sla.HolidayNoticeRepository);
-- every node reads them, so a notice loaded on one node counts on all. A year's rows replace its
-- provisional statutory days and the holiday file's days of that year.
create table sla_holiday_notice_day (
    calendar_name varchar(100) not null,
    notice_year   integer      not null,
    holiday_date  date         not null,
    kind          varchar(10)  not null,
    name          varchar(200) not null,
    loaded_at     timestamp    not null,
    loaded_by     varchar(100) not null,
    primary key (calendar_name, holiday_date)
);
