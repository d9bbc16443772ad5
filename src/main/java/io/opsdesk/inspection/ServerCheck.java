package io.opsdesk.inspection;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * SERVER targets. The local host: free space of each disk ({@link FileStore}), memory in use and load
 * per core ({@link java.lang.management.OperatingSystemMXBean}); a remote host: {@link ActuatorProbe}. Both: the
 * configured log directories ({@link LogDirectories}).
 */
@Component
class ServerCheck implements Check {

    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private final ActuatorProbe actuator;

    ServerCheck(ActuatorProbe actuator) {
        this.actuator = actuator;
    }

    @Override
    public TargetKind kind() {
        return TargetKind.SERVER;
    }

    @Override
    public CheckResult check(InspectionTarget target) {
        try {
            return LogDirectories.addTo(target.getServer().isRemote() ? actuator.check(target) : local(target), target);
        } catch (RuntimeException e) {
            return CheckResult.failed(target, "check", "the server could not be checked", e);
        }
    }

    private CheckResult local(InspectionTarget target) {
        ServerSettings settings = target.getServer();
        List<Finding> findings = new ArrayList<>();
        List<String> measured = new ArrayList<>();
        CheckStatus status = CheckStatus.OK;
        Double lowestFree = null;

        List<ServerSettings.Disk> disks = settings.getDisks().isEmpty()
                ? List.of(new ServerSettings.Disk(".", new ServerSettings.Disk().getMinFreePercent())) : settings.getDisks();
        for (ServerSettings.Disk disk : disks) {
            try {
                FileStore store = Files.getFileStore(existingAncestor(Path.of(disk.getPath())));
                double freePercent = 100.0 * store.getUsableSpace() / store.getTotalSpace();
                lowestFree = lowestFree == null ? freePercent : Math.min(lowestFree, freePercent);
                String text = "disk %s %s free of %s".formatted(disk.getPath(), percent(freePercent), gigabytes(store.getTotalSpace()));
                measured.add(text);
                if (freePercent < disk.getMinFreePercent()) {
                    status = status.worst(CheckStatus.WARNING);
                    findings.add(Finding.of(target, "disk:" + disk.getPath(),
                            "%s: disk %s has %s free (minimum %s)".formatted(target.getName(), disk.getPath(),
                                    percent(freePercent), percent(disk.getMinFreePercent())),
                            text + " (" + store + ", " + gigabytes(store.getUsableSpace()) + " usable)"));
                }
            } catch (IOException | RuntimeException e) {
                status = CheckStatus.FAILED;
                findings.add(Finding.of(target, "disk:" + disk.getPath(),
                        target.getName() + ": disk " + disk.getPath() + " cannot be read", CheckResult.describe(e)));
            }
        }

        Optional<Double> memoryUsed = memoryUsedPercent();
        if (memoryUsed.isPresent()) {
            measured.add("memory " + percent(memoryUsed.get()) + " used");
            if (memoryUsed.get() > settings.getMaxMemoryUsedPercent()) {
                status = status.worst(CheckStatus.WARNING);
                findings.add(Finding.of(target, "memory", "%s: memory %s used (maximum %s)".formatted(target.getName(),
                        percent(memoryUsed.get()), percent(settings.getMaxMemoryUsedPercent())), measured.get(measured.size() - 1)));
            }
        }

        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        double load = os.getSystemLoadAverage();
        if (load >= 0) {
            double perCore = load / os.getAvailableProcessors();
            String text = String.format(Locale.ROOT, "load %.2f on %d cores (%.2f per core)", load, os.getAvailableProcessors(), perCore);
            measured.add(text);
            if (perCore > settings.getMaxLoadPerCore()) {
                status = status.worst(CheckStatus.WARNING);
                findings.add(Finding.of(target, "load", String.format(Locale.ROOT, "%s: load %.2f per core (maximum %.2f)",
                        target.getName(), perCore, settings.getMaxLoadPerCore()), text));
            }
        }
        return new CheckResult(target.getName(), target.getKind(), status, lowestFree, null, String.join(", ", measured), findings);
    }

    /** Memory not available to new processes: MemAvailable of /proc/meminfo on Linux (page cache is free), else the MXBean's free memory. */
    static Optional<Double> memoryUsedPercent() {
        try {
            if (Files.isReadable(MEMINFO)) {
                String info = Files.readString(MEMINFO);
                Optional<Long> total = meminfo(info, "MemTotal");
                Optional<Long> available = meminfo(info, "MemAvailable");
                if (total.isPresent() && available.isPresent() && total.get() > 0) {
                    return Optional.of(100.0 * (total.get() - available.get()) / total.get());
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall back to the MXBean
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getTotalMemorySize() > 0) {
            return Optional.of(100.0 * (os.getTotalMemorySize() - os.getFreeMemorySize()) / os.getTotalMemorySize());
        }
        return Optional.empty();
    }

    private static Optional<Long> meminfo(String info, String key) {
        Matcher m = Pattern.compile("^" + key + ":\\s+(\\d+) kB", Pattern.MULTILINE).matcher(info);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** The path itself, or its nearest existing parent: a data directory not yet created still lives on a disk. */
    private static Path existingAncestor(Path path) {
        Path p = path.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? path.toAbsolutePath().getRoot() : p;
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value);
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
