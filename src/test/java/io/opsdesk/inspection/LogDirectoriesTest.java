package io.opsdesk.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** SERVER targets count and sum the files of their log directories (日志文件是否过多), in a real directory. */
class LogDirectoriesTest {

    private final ServerCheck check = new ServerCheck(new ActuatorProbe(new HttpProbe()));

    @TempDir
    Path dir;

    @Test
    void tooManyAndTooLargeLogFilesAreFindings() throws IOException {
        Files.writeString(dir.resolve("app.log"), "x".repeat(600));
        Files.writeString(dir.resolve("app.2026-11-30.log"), "x".repeat(600));
        Files.createDirectories(dir.resolve("archive"));
        Files.writeString(dir.resolve("archive/app.2026-11-29.log"), "x".repeat(600));
        Files.writeString(dir.resolve("notes.txt"), "not a log");
        InspectionTarget target = host(new LogDirectorySettings(dir.toString(), "**.log", 2, DataSize.ofKilobytes(1)));

        CheckResult result = check.check(target);

        assertThat(result.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(result.message()).contains("log directory " + dir + ": 3 file(s) matching **.log, 1.8 KB");
        assertThat(result.findings()).extracting(Finding::title).containsExactly(
                "host：日志目录 " + dir + " 有 3 个文件（上限 2）/ log directory " + dir + " holds 3 files (maximum 2)",
                "host：日志目录 " + dir + " 共 1.8 KB（上限 1.0 KB）/ log directory " + dir + " holds 1.8 KB (maximum 1.0 KB)");
        assertThat(result.findings()).extracting(Finding::fingerprint).containsExactly(
                Finding.fingerprint(target, "log-dir:" + dir + ":files"), Finding.fingerprint(target, "log-dir:" + dir + ":size"));
    }

    @Test
    void aGlobWithoutDirectoriesCountsOnlyTheFilesDirectlyInIt() throws IOException {
        Files.writeString(dir.resolve("app.log"), "x");
        Files.createDirectories(dir.resolve("archive"));
        Files.writeString(dir.resolve("archive/old.log"), "x");

        CheckResult result = check.check(host(new LogDirectorySettings(dir.toString(), "*.log", 1, DataSize.ofKilobytes(1))));

        assertThat(result.status()).isEqualTo(CheckStatus.OK);
        assertThat(result.message()).contains("log directory " + dir + ": 1 file(s) matching *.log, 1 B");
    }

    @Test
    void aLogDirectoryThatIsNotThereIsAFinding() {
        String missing = dir.resolve("gone").toString();

        CheckResult result = check.check(host(new LogDirectorySettings(missing, "**", 1000, DataSize.ofGigabytes(10))));

        assertThat(result.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(result.findings()).extracting(Finding::title)
                .containsExactly("host：日志目录 " + missing + " 不存在 / log directory " + missing + " does not exist");
    }

    private InspectionTarget host(LogDirectorySettings directory) {
        InspectionTarget target = new InspectionTarget("host", TargetKind.SERVER);
        target.getServer().getDisks().add(new ServerSettings.Disk(dir.toString(), 0));
        target.getServer().setMaxLoadPerCore(1000);
        target.getServer().setMaxMemoryUsedPercent(100);
        target.getServer().getLogDirectories().add(directory);
        return target;
    }
}
