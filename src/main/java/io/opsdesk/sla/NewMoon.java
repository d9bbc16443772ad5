package io.opsdesk.sla;

import java.time.Instant;

/**
 * The instant of a new moon by Meeus, <i>Astronomical Algorithms</i> (2nd ed.), chapter 49: accurate to well
 * under a minute for 2001-2099. ICU's {@code ChineseCalendar} uses a rougher estimate that can be minutes off
 * (it puts the new moon of February 2027, 15:56 UTC, after midnight in Beijing, a day late), which moves a
 * lunar month's first day when the new moon is close to midnight in Beijing.
 */
final class NewMoon {

    private static final double JDE_OF_K0 = 2451550.09766;
    private static final double SYNODIC_MONTH = 29.530588861;
    private static final double JD_OF_EPOCH = 2440587.5;

    private NewMoon() {
    }

    /** The new moon nearest to {@code approximately}. */
    static Instant nearest(Instant approximately) {
        double jd = JD_OF_EPOCH + approximately.toEpochMilli() / 86_400_000.0;
        double k = Math.round((jd - JDE_OF_K0) / SYNODIC_MONTH);
        double jde = jde(k);
        double deltaT = deltaTSeconds(2000 + (jde - 2451545.0) / 365.25);
        return Instant.ofEpochMilli(Math.round((jde - JD_OF_EPOCH) * 86_400_000.0 - deltaT * 1000));
    }

    private static double jde(double k) {
        double t = k / 1236.85;
        double jde = JDE_OF_K0 + SYNODIC_MONTH * k + 0.00015437 * t * t - 0.000000150 * t * t * t
                + 0.00000000073 * t * t * t * t;
        double e = 1 - 0.002516 * t - 0.0000074 * t * t;
        double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t * t - 0.00000011 * t * t * t);
        double mm = rad(201.5643 + 385.81693528 * k + 0.0107582 * t * t + 0.00001238 * t * t * t
                - 0.000000058 * t * t * t * t);
        double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t * t - 0.00000227 * t * t * t
                + 0.000000011 * t * t * t * t);
        double omega = rad(124.7746 - 1.56375588 * k + 0.0020672 * t * t + 0.00000215 * t * t * t);
        jde += -0.40720 * Math.sin(mm) + 0.17241 * e * Math.sin(m) + 0.01608 * Math.sin(2 * mm)
                + 0.01039 * Math.sin(2 * f) + 0.00739 * e * Math.sin(mm - m) - 0.00514 * e * Math.sin(mm + m)
                + 0.00208 * e * e * Math.sin(2 * m) - 0.00111 * Math.sin(mm - 2 * f) - 0.00057 * Math.sin(mm + 2 * f)
                + 0.00056 * e * Math.sin(2 * mm + m) - 0.00042 * Math.sin(3 * mm) + 0.00042 * e * Math.sin(m + 2 * f)
                + 0.00038 * e * Math.sin(m - 2 * f) - 0.00024 * e * Math.sin(2 * mm - m) - 0.00017 * Math.sin(omega)
                - 0.00007 * Math.sin(mm + 2 * m) + 0.00004 * Math.sin(2 * mm - 2 * f) + 0.00004 * Math.sin(3 * m)
                + 0.00003 * Math.sin(mm + m - 2 * f) + 0.00003 * Math.sin(2 * mm + 2 * f)
                - 0.00003 * Math.sin(mm + m + 2 * f) + 0.00003 * Math.sin(mm - m + 2 * f)
                - 0.00002 * Math.sin(mm - m - 2 * f) - 0.00002 * Math.sin(3 * mm + m) + 0.00002 * Math.sin(4 * mm);
        return jde + planetary(k, t);
    }

    private static double planetary(double k, double t) {
        double[][] terms = {
                {299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
                {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
                {207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
                {207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
                {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023}};
        double sum = 0;
        for (int i = 0; i < terms.length; i++) {
            double argument = terms[i][0] + terms[i][1] * k - (i == 0 ? 0.009173 * t * t : 0);
            sum += terms[i][2] * Math.sin(rad(argument));
        }
        return sum;
    }

    /** TT − UT in seconds (Espenak and Meeus's polynomials for 2005-2150). */
    private static double deltaTSeconds(double year) {
        if (year < 2050) {
            double t = year - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        double u = (year - 1820) / 100;
        return -20 + 32 * u * u - 0.5628 * (2150 - year);
    }

    private static double rad(double degrees) {
        return Math.toRadians(degrees % 360);
    }
}
