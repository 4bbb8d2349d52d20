package org.fieldsafety.platform;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.platform.time.UsFederalHolidays;
import org.fieldsafety.platform.time.UsWorkDays;

/**
 * The one US work-day calendar of every service: the federal holidays and {@code
 * fieldsafety.us-work-days.extra-holidays}, ISO dates closed in addition to them (e.g. a day given by
 * executive order).
 */
public class WorkDaysProducer {

    @Produces
    @Singleton
    UsWorkDays usWorkDays(
            @ConfigProperty(name = "fieldsafety.us-work-days.extra-holidays") Optional<List<String>> extraHolidays) {
        return new UsWorkDays(new UsFederalHolidays(
                extraHolidays.orElse(List.of()).stream().map(LocalDate::parse).collect(Collectors.toSet())));
    }
}
