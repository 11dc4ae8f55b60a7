package be.inami;

import java.time.LocalDate;

/** The library's dates (int YYYYMMDD, 0 = not given) as {@link LocalDate} (null = not given). */
final class Dates {
    private Dates() {
    }

    static int toInt(LocalDate d) {
        return d == null ? 0 : d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    static LocalDate of(int d) {
        return d == 0 ? null : LocalDate.of(d / 10000, d / 100 % 100, d % 100);
    }
}
