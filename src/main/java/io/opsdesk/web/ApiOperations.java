package io.opsdesk.web;

import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/**
 * One line per {@code /api} operation ("METHOD path" as OpenAPI writes it): what it does, in English and Chinese,
 * shown as the operation's summary in {@code /v3/api-docs} and Swagger UI. A new endpoint adds its line here;
 * {@code ApiDocumentationTest} fails until it does. Who may call each one is in docs/api.md and
 * {@code AuthorizationMatrixTest}.
 */
final class ApiOperations {

    /** Operations anyone may call without a login or token. */
    static final Set<String> ANYONE = Set.of("POST /api/tickets");

    /** Operations limited per client address (429 with Retry-After beyond {@code opsdesk.rate-limit}). */
    static final Set<String> RATE_LIMITED = Set.of("POST /api/tickets");

    static final Map<String, String> SUMMARIES = Map.ofEntries(
            entry("POST /api/tickets", "Open a ticket; Idempotency-Key makes retries safe / 提交工单"),
            entry("GET /api/tickets", "Search tickets (staff) / 查询工单"),
            entry("GET /api/tickets/{key}", "A ticket with its timeline (staff, or the customer with the token) / 查看工单及其处理记录"),
            entry("POST /api/tickets/{key}/replies", "The customer adds information / 客户补充信息"),
            entry("POST /api/tickets/{key}/acceptance", "The customer accepts or rejects the delivery / 客户验收或拒绝交付"),
            entry("POST /api/tickets/{key}/attachments", "Attach a file (staff, multipart field 'file') / 上传附件"),
            entry("GET /api/tickets/{key}/attachments", "A ticket's attachments without their bytes / 附件列表"),
            entry("GET /api/tickets/{key}/attachments/{id}", "Download an attachment / 下载附件"),
            entry("POST /api/reports", "Compile an operations report for a period and mail it / 生成运营报告"),
            entry("GET /api/reports", "The latest 100 operations reports / 最近的运营报告"),
            entry("GET /api/reports/{id}", "One report's figures as JSON / 报告数据（JSON）"),
            entry("GET /api/reports/{id}/csv", "One report's figures as CSV / 报告数据（CSV）"),
            entry("POST /api/releases", "Request a release of verified fixes / 申请发布"),
            entry("GET /api/releases", "The latest 100 releases / 最近的发布"),
            entry("GET /api/releases/waiting-tickets", "Verified tickets that no open release includes / 等待发布的工单"),
            entry("GET /api/releases/{key}", "One release with its decisions, window and tickets / 发布详情"),
            entry("GET /api/releases/{key}/notes", "A release's notes as text / 发布说明"),
            entry("POST /api/problems", "Record a problem (ITIL), optionally with tickets linked / 登记问题"),
            entry("GET /api/problems", "The latest 100 problems, by state and system / 问题列表"),
            entry("GET /api/problems/{key}", "One problem with its root cause, workaround and linked tickets / 问题详情"),
            entry("PATCH /api/problems/{key}", "Set a problem's root cause and/or workaround / 修改根本原因与临时解决方案"),
            entry("POST /api/problems/{key}/tickets", "Link a ticket to a problem / 关联工单"),
            entry("POST /api/problems/{key}/known-error", "Investigated: root cause and workaround, a known error now / 确认为已知错误"),
            entry("POST /api/problems/{key}/fix", "Fixed: the open linked tickets move on to delivery / 问题已修复"),
            entry("GET /api/tickets/{key}/problem-suggestions", "Open problems of the ticket's system with a similar title / 推荐关联的问题"),
            entry("POST /api/processes/support-ticket/migrations",
                    "Move running tickets to a newer support-process version; dry run first / 迁移运行中的工单到新流程版本"),
            entry("GET /api/calendars/{name}/holidays/{year}", "A calendar's holidays of one year and their source / 某年的节假日"),
            entry("PUT /api/calendars/{name}/holidays/{year}", "Load a year's official holiday notice (CSV or iCalendar) / 导入节假日通知"),
            entry("GET /api/organisations", "Organisations with their SLA tier and e-mail domains / 客户单位列表"),
            entry("POST /api/organisations", "Add an organisation (supervisors, managers) / 新增客户单位"),
            entry("GET /api/organisations/tiers", "The SLA tiers the deployed sla-policy decision knows / 可选的 SLA 等级"),
            entry("GET /api/organisations/{id}", "One organisation / 客户单位详情"),
            entry("PUT /api/organisations/{id}", "Change an organisation; its tier applies to new tickets / 修改客户单位"),
            entry("DELETE /api/organisations/{id}", "Remove an organisation without customers / 删除客户单位"),
            entry("GET /api/customers", "Customers, optionally of one organisation / 客户列表"),
            entry("POST /api/customers", "Add a customer by e-mail address (supervisors, managers) / 新增客户"),
            entry("GET /api/customers/{id}", "One customer / 客户详情"),
            entry("PUT /api/customers/{id}", "Change a customer / 修改客户"),
            entry("DELETE /api/customers/{id}", "Remove a customer / 删除客户"),
            entry("GET /api/assignment/groups", "Each staff group's automatic assignment strategy / 各组自动分派方式"),
            entry("GET /api/assignment/groups/{group}", "One group's automatic assignment strategy / 某组自动分派方式"),
            entry("PUT /api/assignment/groups/{group}", "Set a group's strategy: OFF, ROUND_ROBIN, LEAST_OPEN (supervisors) / 设置分派方式"),
            entry("GET /api/assignment/away", "Who is away today (supervisors, managers) / 今日不在岗人员"),
            entry("GET /api/me/away", "My away mark / 我的不在岗标记"),
            entry("PUT /api/me/away", "Mark myself away, optionally until a last day / 标记本人不在岗"),
            entry("DELETE /api/me/away", "I am back / 取消不在岗标记"));

    private ApiOperations() {
    }
}
