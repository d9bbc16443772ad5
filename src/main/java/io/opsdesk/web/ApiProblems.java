package io.opsdesk.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The RFC 7807 answers of an {@code /api} operation, as {@link ApiExceptionHandler} and the security chain give
 * them: every operation can be refused as invalid (400), with a wrong login (401) or fail (500); staff-only ones
 * answer 403 to other groups; one with a path variable answers 404 for what does not exist (or is not the caller's);
 * a change can conflict with the ticket's state (409, 422); a body can have the wrong type (415) or be too large
 * (413, multipart); opening tickets is rate-limited (429).
 */
final class ApiProblems {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    private static final Map<HttpStatus, String> WHY = Map.of(
            HttpStatus.BAD_REQUEST, "Invalid request: `detail` and `errors` name each field and what is wrong / 请求无效：指明字段及问题",
            HttpStatus.UNAUTHORIZED, "A staff login (HTTP Basic) is required, or it is wrong / 需要员工登录",
            HttpStatus.FORBIDDEN, "The caller's groups do not allow this / 无权执行此操作",
            HttpStatus.NOT_FOUND, "No such resource, or not the caller's (a wrong token answers the same) / 未找到",
            HttpStatus.CONFLICT, "Conflicts with the current state (e.g. the same request is being processed) / 与当前状态冲突",
            HttpStatus.PAYLOAD_TOO_LARGE, "The file is larger than the upload limit / 文件超过上传限制",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body's Content-Type is not accepted / 不支持的内容类型",
            HttpStatus.UNPROCESSABLE_ENTITY, "Cannot be done in the current state (e.g. an Idempotency-Key reused with another body) / 当前状态下无法处理",
            HttpStatus.TOO_MANY_REQUESTS, "Too many new tickets from this address; retry after `Retry-After` seconds / 请求过多",
            HttpStatus.INTERNAL_SERVER_ERROR, "OpsDesk failed; nothing was stored; `detail` has a reference to the log / 服务器错误");

    private ApiProblems() {
    }

    static void addSchema(OpenAPI openApi) {
        Schema<?> field = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field at fault"))
                .addProperty("message", new StringSchema().description("what is wrong with it"));
        Schema<?> problem = new ObjectSchema().description("RFC 7807 problem detail")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("title: must not be blank"))
                .addProperty("instance", new StringSchema().example("/api/tickets"))
                .addProperty("errors", new ArraySchema().items(field));
        openApi.getComponents().addSchemas(PROBLEM, problem);
    }

    /** Sets the problem answers that apply to this operation ("METHOD path"). */
    static void add(String name, Operation operation, boolean staffOnly) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        String method = name.substring(0, name.indexOf(' '));
        boolean changes = !PathItem.HttpMethod.GET.name().equals(method);
        boolean body = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null;
        put(responses, HttpStatus.BAD_REQUEST, true);
        put(responses, HttpStatus.UNAUTHORIZED, true);
        put(responses, HttpStatus.FORBIDDEN, staffOnly);
        put(responses, HttpStatus.NOT_FOUND, name.contains("{"));
        put(responses, HttpStatus.CONFLICT, changes);
        put(responses, HttpStatus.UNPROCESSABLE_ENTITY, changes);
        put(responses, HttpStatus.UNSUPPORTED_MEDIA_TYPE, body);
        put(responses, HttpStatus.PAYLOAD_TOO_LARGE,
                body && operation.getRequestBody().getContent().containsKey(MediaType.MULTIPART_FORM_DATA_VALUE));
        put(responses, HttpStatus.TOO_MANY_REQUESTS, ApiOperations.RATE_LIMITED.contains(name));
        put(responses, HttpStatus.INTERNAL_SERVER_ERROR, true);
    }

    private static void put(ApiResponses responses, HttpStatus status, boolean applies) {
        String code = String.valueOf(status.value());
        if (!applies) {
            return;
        }
        responses.addApiResponse(code, new ApiResponse().description(WHY.get(status)).content(new Content()
                .addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new io.swagger.v3.oas.models.media.MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
    }
}
