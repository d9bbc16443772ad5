package io.opsdesk.web;

import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Camunda's REST API as the starter configures it, plus one mapping: a task completion refused by
 * OpsDesk's form guards (a {@link NotValidException} from a task listener) is the user's mistake and
 * answers 400 with the guard's message, which Tasklist shows next to the form, instead of a 500.
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(TaskGuardExceptionMapper.class);
    }

    @Priority(1)
    static class TaskGuardExceptionMapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof NotValidException invalid) {
                    ExceptionDto dto = new ExceptionDto();
                    dto.setType(NotValidException.class.getSimpleName());
                    dto.setMessage(invalid.getMessage());
                    return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
    }
}
