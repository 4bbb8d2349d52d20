package org.fieldsafety.triage.trend;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.fieldsafety.triage.classification.ProductEntry.DevicesInUse;

/**
 * The devices in use over time, as the registry records them per software version (a version's count holds
 * from its {@code since} until the version's next count): the denominator of the rate a PMS plan foresees
 * (MDR Art. 88: the foreseeable frequency "in respect of the device"). A month is a twelfth of a 365.25-day
 * year.
 */
public final class InstalledBase {

    /** 365.25 days / 12. */
    static final Duration MONTH = Duration.ofSeconds(2_629_800);

    private final Map<String, List<DevicesInUse>> byVersion;

    public InstalledBase(List<DevicesInUse> counts) {
        this.byVersion = counts.stream()
                .collect(Collectors.groupingBy(
                        DevicesInUse::softwareVersion,
                        Collectors.collectingAndThen(Collectors.toList(), list -> list.stream()
                                .sorted(Comparator.comparing(DevicesInUse::since))
                                .toList())));
    }

    /** The devices in use at {@code at}: every version's latest count at or before it. */
    public long devicesAt(Instant at) {
        long devices = 0;
        for (List<DevicesInUse> counts : byVersion.values()) {
            for (int i = counts.size() - 1; i >= 0; i--) {
                if (!counts.get(i).since().isAfter(at)) {
                    devices += counts.get(i).devices();
                    break;
                }
            }
        }
        return devices;
    }

    /** Device-months in use from {@code from} to {@code to}: exact over every change of the count in between. */
    public double deviceMonths(Instant from, Instant to) {
        TreeSet<Instant> changes = new TreeSet<>(List.of(from, to));
        byVersion.values().stream()
                .flatMap(List::stream)
                .map(DevicesInUse::since)
                .filter(since -> since.isAfter(from) && since.isBefore(to))
                .forEach(changes::add);
        double months = 0;
        Instant start = null;
        for (Instant change : changes) {
            if (start != null) {
                months += devicesAt(start) * months(start, change);
            }
            start = change;
        }
        return months;
    }

    /** The average devices in use from {@code from} to {@code to}. */
    public double averageDevices(Instant from, Instant to) {
        return deviceMonths(from, to) / months(from, to);
    }

    private static double months(Instant from, Instant to) {
        return (double) Duration.between(from, to).toSeconds() / MONTH.toSeconds();
    }
}
