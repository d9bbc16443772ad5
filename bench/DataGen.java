import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.stream.Collectors;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Clones one real ticket of a stopped OpsDesk H2 database N times, in every table the application and Camunda wrote
 * for it, with new ids, ticket ids and keys: the benchmark's 100,000 open and 1,000,000 historic tickets without
 * 1.1M HTTP requests (bench/run; docs/performance.md#how-to-run-the-benchmark).
 *
 * <pre>java -cp h2.jar bench/DataGen.java JDBC_URL TEMPLATE_KEY open|historic COUNT [SPAN_DAYS [TABLE,...]]</pre>
 *
 * With a list of tables only those are cloned (bench/run --lean-history: the tables the operations report and the
 * history queries read), a third of the rows of the full shape.
 *
 * Camunda ids: the template's ids all end in the node part of the JVM that wrote them ("-84c3-02fc00000001");
 * a clone's ids end in "-ba00-<12 digit clone number>" (open) or "-bc00-..." (historic) instead, in every column
 * that holds an id of the instance's own rows (ids of deployments, definitions and job definitions are shared and
 * kept). Ticket: id max+x, key OPS-%06d of it, wherever the template's key appears (business key, variables, task
 * names, mail ids). Open clones keep their times and get their timers due 1 to 30 days later (so that 100,000
 * timers do not fire during the measurement); historic clones are moved back evenly over SPAN_DAYS (default 360).
 */
public class DataGen {

    /** Columns that name shared rows (deployments, definitions, job definitions), model elements or people. */
    private static final Set<String> SHARED = Set.of("PROC_DEF_ID_", "PROCESS_DEF_ID_", "DEPLOYMENT_ID_",
            "JOB_DEF_ID_", "DEC_DEF_ID_", "DEC_REQ_ID_", "CASE_DEF_ID_", "BATCH_ID_", "TENANT_ID_", "USER_ID_",
            "GROUP_ID_", "ACT_ID_", "ACTIVITY_ID_", "FAILED_ACT_ID_", "FAILED_ACTIVITY_ID_", "START_ACT_ID_",
            "END_ACT_ID_", "CLAUSE_ID_", "RULE_ID_", "START_USER_ID_", "ASSIGNER_ID_", "WORKER_ID_",
            "CREATE_USER_ID_", "CASE_ACT_ID_");
    private static final Set<String> NOT_PER_INSTANCE = Set.of("ACT_RU_JOBDEF", "ACT_RU_METER_LOG",
            "ACT_RU_TASK_METER_LOG", "ACT_RU_FILTER", "ACT_RU_BATCH", "ACT_HI_BATCH", "ACT_GE_PROPERTY",
            "ACT_GE_SCHEMA_LOG");

    private final Connection db;
    private final String templateKey;
    private final boolean historic;
    private final int count;
    private final long spanSeconds;
    private long ticketBase;
    private Set<String> only = Set.of();

    private DataGen(Connection db, String templateKey, boolean historic, int count, long spanDays) {
        this.db = db;
        this.templateKey = templateKey;
        this.historic = historic;
        this.count = count;
        this.spanSeconds = spanDays * 86_400L;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: DataGen JDBC_URL TEMPLATE_KEY open|historic COUNT [SPAN_DAYS [TABLE,...]]");
            System.exit(2);
        }
        try (Connection db = DriverManager.getConnection(args[0], "sa", "")) {
            db.setAutoCommit(true);
            long started = System.nanoTime();
            DataGen generator = new DataGen(db, args[1], "historic".equals(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 ? Long.parseLong(args[4]) : 360);
            if (args.length > 5) {
                generator.only = Set.of(args[5].toUpperCase().split(","));
            }
            generator.run();
            System.out.printf("cloned %s %s %s times in %.1f s%n", args[2], args[1], args[3],
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private void run() throws SQLException, NoSuchAlgorithmException {
        String root = single("select ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ = '" + templateKey
                + "' and SUPER_PROCESS_INSTANCE_ID_ is null");
        long ticketId = Long.parseLong(single("select ID from TICKET where TICKET_KEY = '" + templateKey + "'"));
        String node = root.substring(root.length() - 18);
        List<String> instances = list("select ID_ from ACT_HI_PROCINST where ROOT_PROC_INST_ID_ = '" + root + "'");
        List<String> tasks = list("select ID_ from ACT_HI_TASKINST where ROOT_PROC_INST_ID_ = '" + root + "'");
        String tag = historic ? "bc00" : "ba00";
        long first = 1 + Long.parseLong(single("select count(*) from ACT_HI_PROCINST where ID_ like '%-" + tag + "-%'"));
        ticketBase = Long.parseLong(single("select coalesce(max(ID), 0) from TICKET")) - first + 1;
        System.out.printf("template %s (instance %s, %d instances, %d tasks), clones %d..%d, ticket ids from %d%n",
                templateKey, root, instances.size(), tasks.size(), first, first + count - 1, ticketBase + first);

        Set<String> bytearrays = new LinkedHashSet<>();
        Map<String, Plan> plans = new LinkedHashMap<>();
        for (String table : list("select TABLE_NAME from INFORMATION_SCHEMA.TABLES where TABLE_SCHEMA = 'PUBLIC'"
                + " and (TABLE_NAME like 'ACT_RU_%' or TABLE_NAME like 'ACT_HI_%') order by TABLE_NAME")) {
            if (NOT_PER_INSTANCE.contains(table) || table.contains("_CASE")) {
                continue;
            }
            Map<String, String> columns = columns(table);
            String where = templateRows(table, columns.keySet(), root, instances, tasks);
            if (where == null || Long.parseLong(single("select count(*) from " + table + " where " + where)) == 0) {
                continue;
            }
            for (String ref : List.of("BYTEARRAY_ID_", "EXCEPTION_STACK_ID_", "JOB_EXCEPTION_STACK_ID_",
                    "ERROR_DETAILS_ID_")) {
                if (columns.containsKey(ref)) {
                    bytearrays.addAll(list("select distinct " + ref + " from " + table + " where " + where
                            + " and " + ref + " is not null"));
                }
            }
            plans.put(table, camundaPlan(table, columns, where, node, tag));
        }
        Map<String, String> byteColumns = columns("ACT_GE_BYTEARRAY");
        String byteWhere = "ROOT_PROC_INST_ID_ = '" + root + "'" + (bytearrays.isEmpty() ? "" : " or ID_ in " + in(bytearrays));
        if (Long.parseLong(single("select count(*) from ACT_GE_BYTEARRAY where " + byteWhere)) > 0) {
            plans.put("ACT_GE_BYTEARRAY", camundaPlan("ACT_GE_BYTEARRAY", byteColumns, "(" + byteWhere + ")", node, tag));
        }
        plans.put("TICKET", ticketPlan(ticketId));
        for (String table : list("select distinct TABLE_NAME from INFORMATION_SCHEMA.COLUMNS where TABLE_SCHEMA = 'PUBLIC'"
                + " and TABLE_NAME not like 'ACT_%' and TABLE_NAME <> 'TICKET' and COLUMN_NAME in ('TICKET_ID', 'TICKET_KEY')"
                + " order by TABLE_NAME")) {
            Map<String, String> columns = columns(table);
            String where = columns.containsKey("TICKET_ID") ? "T.TICKET_ID = " + ticketId : "T.TICKET_KEY = '" + templateKey + "'";
            if (Long.parseLong(single("select count(*) from " + table + " T where " + where)) > 0) {
                plans.put(table, ownPlan(table, columns, where));
            }
        }
        if (!only.isEmpty()) {
            plans.keySet().retainAll(only);
        }
        try (Statement statement = db.createStatement()) {
            // the clones are consistent by construction; checking every foreign key row by row would double the time
            statement.execute("set referential_integrity false");
        }
        try {
            for (Plan plan : plans.values()) {
                long rows = Long.parseLong(single("select count(*) from " + plan.table));
                long started = System.nanoTime();
                plan.insert(first, first + count - 1);
                long after = Long.parseLong(single("select count(*) from " + plan.table));
                System.out.printf("  %-22s %,12d -> %,12d rows (%.1f s, %,.0f rows/s)%n", plan.table, rows, after,
                        (System.nanoTime() - started) / 1e9, (after - rows) / ((System.nanoTime() - started) / 1e9));
            }
        } finally {
            try (Statement statement = db.createStatement()) {
                statement.execute("set referential_integrity true");
            }
        }
        try (Statement statement = db.createStatement()) {
            statement.execute("alter table TICKET alter column ID restart with "
                    + (Long.parseLong(single("select max(ID) from TICKET")) + 1));
        }
    }

    private String templateRows(String table, Set<String> columns, String root, List<String> instances, List<String> tasks) {
        StringJoiner any = new StringJoiner(" or ", "(", ")");
        if (columns.contains("ROOT_PROC_INST_ID_")) {
            any.add("ROOT_PROC_INST_ID_ = '" + root + "'");
        }
        for (String column : List.of("PROC_INST_ID_", "PROCESS_INSTANCE_ID_")) {
            if (columns.contains(column)) {
                any.add(column + " in " + in(instances));
            }
        }
        if (table.endsWith("_IDENTITYLINK") && !tasks.isEmpty()) {
            any.add("TASK_ID_ in " + in(tasks));
        }
        if (table.equals("ACT_RU_AUTHORIZATION")) {
            List<String> resources = new ArrayList<>(tasks);
            resources.addAll(instances);
            any.add("RESOURCE_ID_ in " + in(resources));
        }
        return any.length() > 2 ? any.toString() : null;
    }

    /** How one column of a cloned row gets its value. */
    private enum Rule { COPY, INSTANCE_ID, KEY_TEXT, TIME, TIMER_DUE, TICKET_ID, TICKET_KEY, UNIQUE_HASH, SKIP }

    private Plan camundaPlan(String table, Map<String, String> columns, String where, String node, String tag)
            throws SQLException {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (Map.Entry<String, String> column : columns.entrySet()) {
            String name = column.getKey();
            String type = column.getValue();
            Rule rule = Rule.COPY;
            if (!SHARED.contains(name) && type.contains("CHAR") && mentions(table, name, where, node)) {
                rule = Rule.INSTANCE_ID;
            } else if (type.contains("CHAR") && mentionsKey(table, name, where)) {
                rule = Rule.KEY_TEXT;
            } else if (type.startsWith("TIMESTAMP")) {
                rule = table.equals("ACT_RU_JOB") && name.equals("DUEDATE_") ? Rule.TIMER_DUE : Rule.TIME;
            }
            rules.put(name, rule);
        }
        return new Plan(table, rules, where, node, "-" + tag + "-");
    }

    private Plan ticketPlan(long ticketId) throws SQLException {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (Map.Entry<String, String> column : columns("TICKET").entrySet()) {
            String name = column.getKey();
            rules.put(name, switch (name) {
                case "ID" -> Rule.TICKET_ID;
                case "TICKET_KEY" -> Rule.TICKET_KEY;
                case "TRACKING_TOKEN_HASH" -> Rule.UNIQUE_HASH;
                default -> column.getValue().startsWith("TIMESTAMP") ? Rule.TIME : Rule.COPY;
            });
        }
        return new Plan("TICKET", rules, "T.ID = " + ticketId, null, null);
    }

    private Plan ownPlan(String table, Map<String, String> columns, String where) throws SQLException {
        Set<String> identity = new LinkedHashSet<>(list("select COLUMN_NAME from INFORMATION_SCHEMA.COLUMNS where"
                + " TABLE_SCHEMA = 'PUBLIC' and TABLE_NAME = '" + table + "' and IS_IDENTITY = 'YES'"));
        Set<String> unique = new LinkedHashSet<>(list("select K.COLUMN_NAME from INFORMATION_SCHEMA.KEY_COLUMN_USAGE K"
                + " join INFORMATION_SCHEMA.TABLE_CONSTRAINTS C on C.CONSTRAINT_NAME = K.CONSTRAINT_NAME"
                + " and C.TABLE_SCHEMA = K.TABLE_SCHEMA where K.TABLE_SCHEMA = 'PUBLIC' and K.TABLE_NAME = '" + table
                + "' and C.CONSTRAINT_TYPE in ('UNIQUE', 'PRIMARY KEY')"));
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (Map.Entry<String, String> column : columns.entrySet()) {
            String name = column.getKey();
            String type = column.getValue();
            Rule rule = Rule.COPY;
            if (identity.contains(name)) {
                rule = Rule.SKIP;
            } else if (name.equals("TICKET_ID")) {
                rule = Rule.TICKET_ID;
            } else if (name.equals("TICKET_KEY")) {
                rule = Rule.TICKET_KEY;
            } else if (type.contains("CHAR") && mentionsKey(table, name, where)) {
                rule = Rule.KEY_TEXT;
            } else if (type.contains("CHAR") && unique.contains(name)) {
                rule = Rule.UNIQUE_HASH;
            } else if (type.startsWith("TIMESTAMP")) {
                rule = Rule.TIME;
            }
            rules.put(name, rule);
        }
        return new Plan(table, rules, where, null, null);
    }

    /** One table's template rows and how each column of a clone is made; inserted with JDBC batches. */
    private final class Plan {
        final String table;
        final Map<String, Rule> rules;
        final String where;
        final String node;
        final String tag;

        Plan(String table, Map<String, Rule> rules, String where, String node, String tag) {
            this.table = table;
            this.rules = rules;
            this.where = where;
            this.node = node;
            this.tag = tag;
        }

        void insert(long first, long last) throws SQLException, NoSuchAlgorithmException {
            List<String> names = rules.entrySet().stream().filter(e -> e.getValue() != Rule.SKIP).map(Map.Entry::getKey).toList();
            List<Object[]> template = new ArrayList<>();
            try (Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery("select " + names.stream().map(n -> "T." + n)
                         .collect(Collectors.joining(", ")) + " from " + table + " T where " + where + orderForParents())) {
                while (rows.next()) {
                    Object[] row = new Object[names.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rows.getObject(i + 1);
                    }
                    template.add(row);
                }
            }
            Rule[] columnRules = names.stream().map(rules::get).toArray(Rule[]::new);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String sql = "insert into " + table + " (" + String.join(", ", names) + ") values ("
                    + names.stream().map(n -> "?").collect(Collectors.joining(", ")) + ")";
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement(sql)) {
                int batched = 0;
                for (long x = first; x <= last; x++) {
                    String suffix = tag == null ? null : tag + String.format("%012d", x);
                    long id = ticketBase + x;
                    String key = id < 1_000_000 ? String.format("OPS-%06d", id) : "OPS-" + id;
                    long back = historic ? (x * spanSeconds) / (count + 1L) : 0;
                    for (Object[] row : template) {
                        for (int i = 0; i < row.length; i++) {
                            insert.setObject(i + 1, value(columnRules[i], row[i], suffix, id, key, back, x, sha));
                        }
                        insert.addBatch();
                        if (++batched % 2000 == 0) {
                            insert.executeBatch();
                        }
                        if (batched % 50_000 == 0) {
                            db.commit();
                        }
                    }
                }
                insert.executeBatch();
                db.commit();
            } finally {
                db.setAutoCommit(true);
            }
        }

        /** Executions after their parents (the table's own foreign keys). */
        private String orderForParents() {
            return rules.containsKey("PARENT_ID_") && rules.containsKey("SUPER_EXEC_")
                    ? " order by case when T.ID_ = T.PROC_INST_ID_ then 0 else 1 end, T.SEQUENCE_COUNTER_" : "";
        }

        private Object value(Rule rule, Object value, String suffix, long id, String key, long back, long x,
                             MessageDigest sha) {
            if (value == null && rule != Rule.TICKET_ID && rule != Rule.TICKET_KEY) {
                return null;
            }
            return switch (rule) {
                case COPY, SKIP -> value;
                case INSTANCE_ID -> value.toString().replace(node, suffix);
                case KEY_TEXT -> value.toString().replace(templateKey, key);
                case TIME -> back == 0 ? value : minusSeconds(value, back);
                case TIMER_DUE -> historic ? minusSeconds(value, back) : minusSeconds(value, -86_400L * (x % 30 + 1));
                case TICKET_ID -> id;
                case TICKET_KEY -> key;
                case UNIQUE_HASH -> HexFormat.of().formatHex(sha.digest((value + ":" + x).getBytes(StandardCharsets.UTF_8)));
            };
        }
    }

    private static Object minusSeconds(Object time, long seconds) {
        if (time instanceof OffsetDateTime offset) {
            return offset.minusSeconds(seconds);
        }
        if (time instanceof Timestamp timestamp) {
            return Timestamp.from(timestamp.toInstant().minusSeconds(seconds));
        }
        if (time instanceof LocalDateTime local) {
            return local.minusSeconds(seconds);
        }
        return time;
    }

    private boolean mentionsKey(String table, String column, String where) throws SQLException {
        return mentions(table, column, where, templateKey);
    }

    /** Whether a template row of the table has the text in the column (an id of the instance, the ticket key). */
    private boolean mentions(String table, String column, String where, String text) throws SQLException {
        return Long.parseLong(single("select count(*) from " + table + " T where (" + where + ") and T." + column
                + " like '%" + text + "%'")) > 0;
    }

    private Map<String, String> columns(String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select COLUMN_NAME, DATA_TYPE from INFORMATION_SCHEMA.COLUMNS"
                     + " where TABLE_SCHEMA = 'PUBLIC' and TABLE_NAME = '" + table + "' order by ORDINAL_POSITION")) {
            while (rows.next()) {
                columns.put(rows.getString(1), rows.getString(2));
            }
        }
        return columns;
    }

    private static String in(Iterable<String> ids) {
        StringJoiner list = new StringJoiner("', '", "('", "')");
        ids.forEach(list::add);
        return list.toString();
    }

    private String single(String sql) throws SQLException {
        List<String> values = list(sql);
        if (values.size() != 1) {
            throw new IllegalStateException(values.size() + " rows for " + sql);
        }
        return values.get(0);
    }

    private List<String> list(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
