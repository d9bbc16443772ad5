package io.opsdesk.testing;

import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** What some tests need beyond Java 17, how a test finds out, and what to install. {@code .ci/run} installs them all. */
public enum Prerequisite {

    /** Headless Chromium driven through chromedriver, both Debian's, at fixed paths (Selenium Manager never downloads). */
    CHROMIUM("Chromium and chromedriver (" + Paths.BROWSER + ", " + Paths.DRIVER + ")",
            "apt-get install chromium chromium-driver",
            () -> Files.isExecutable(Paths.BROWSER) && Files.isExecutable(Paths.DRIVER)),

    /**
     * A font that draws Chinese, seen by Java through fontconfig: the operations report's charts (JFreeChart on
     * headless AWT) fail without any font and draw boxes for Chinese names without a Chinese one.
     */
    CHINESE_FONT("fontconfig and a font with Chinese characters, for the report's charts",
            "apt-get install fontconfig fonts-dejavu-core fonts-wqy-microhei (or another Chinese font, e.g. fonts-noto-cjk)",
            Prerequisite::javaDrawsChinese),

    /** A PostgreSQL server for the cluster tests and the inspection's database checks, named by OPSDESK_TEST_POSTGRES_URL (user and password beside it). */
    POSTGRESQL("a PostgreSQL server named by OPSDESK_TEST_POSTGRES_URL (and _USER, _PASSWORD)",
            "apt-get install postgresql, create a database and set OPSDESK_TEST_POSTGRES_URL=jdbc:postgresql://host:port/db "
                    + "(.ci/run starts a throw-away server)",
            () -> !System.getenv().getOrDefault("OPSDESK_TEST_POSTGRES_URL", "").isBlank());

    private final String what;
    private final String install;
    private final BooleanSupplier check;
    private Boolean present;

    Prerequisite(String what, String install, BooleanSupplier check) {
        this.what = what;
        this.install = install;
        this.check = check;
    }

    /** Whether this machine has it; found out once per JVM. */
    public synchronized boolean present() {
        if (present == null) {
            present = check.getAsBoolean();
        }
        return present;
    }

    public String what() {
        return what;
    }

    public String install() {
        return install;
    }

    private static boolean javaDrawsChinese() {
        try {
            return new Font(Font.SANS_SERIF, Font.PLAIN, 12).canDisplayUpTo("中文报告") == -1;
        } catch (Throwable noFontsAtAll) {
            // without fontconfig's fonts the JDK's font manager fails to start (InternalError, NullPointerException)
            return false;
        }
    }

    /** Where the browser tests find Debian's chromium and chromium-driver. */
    public static final class Paths {
        public static final Path BROWSER = Path.of("/usr/bin/chromium");
        public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

        private Paths() {
        }
    }
}
