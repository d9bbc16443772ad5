package io.opsdesk.inspection;

/**
 * One thing to inspect ({@code opsdesk.inspection.targets[n]}): a name, a kind, and the settings of that
 * kind; settings of other kinds are ignored.
 */
public class InspectionTarget {

    /** Unique among the targets; names the target in results, findings and tickets. */
    private String name;
    private TargetKind kind;
    private ServerSettings server = new ServerSettings();
    private DatabaseSettings database = new DatabaseSettings();
    private NetworkSettings network = new NetworkSettings();
    private ApplicationSettings application = new ApplicationSettings();
    private LogSettings logs = new LogSettings();

    public InspectionTarget() {
    }

    public InspectionTarget(String name, TargetKind kind) {
        this.name = name;
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public TargetKind getKind() {
        return kind;
    }

    public void setKind(TargetKind kind) {
        this.kind = kind;
    }

    public ServerSettings getServer() {
        return server;
    }

    public void setServer(ServerSettings server) {
        this.server = server;
    }

    public DatabaseSettings getDatabase() {
        return database;
    }

    public void setDatabase(DatabaseSettings database) {
        this.database = database;
    }

    public NetworkSettings getNetwork() {
        return network;
    }

    public void setNetwork(NetworkSettings network) {
        this.network = network;
    }

    public ApplicationSettings getApplication() {
        return application;
    }

    public void setApplication(ApplicationSettings application) {
        this.application = application;
    }

    public LogSettings getLogs() {
        return logs;
    }

    public void setLogs(LogSettings logs) {
        this.logs = logs;
    }

    @Override
    public String toString() {
        return name + " (" + kind + ")";
    }
}
