package io.opsdesk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Deploys resources through {@code /engine-rest/deployment/create} as Camunda Modeler does: multipart, HTTP Basic. */
public final class Deployments {

    private final Http http;

    public Deployments(Http http) {
        this.http = http;
    }

    /** resource name → content; answers what /engine-rest answered */
    public Http.Response deploy(String user, String name, Map<String, String> resources) {
        String boundary = "----opsdesk" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "deployment-name", null, name);
        part(body, boundary, "deployment-source", null, "Camunda Modeler");
        part(body, boundary, "enable-duplicate-filtering", null, "true");
        resources.forEach((file, content) -> part(body, boundary, file, file, content));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.post("/engine-rest/deployment/create", body.toByteArray(),
                "Content-Type", "multipart/form-data; boundary=" + boundary,
                "Authorization", Http.basic(user, user));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String field, String file, String content) {
        String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\""
                + (file == null ? "" : "; filename=\"" + file + "\"\r\nContent-Type: application/octet-stream")
                + "\r\n\r\n";
        body.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
