package io.opsdesk.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.opsdesk.domain.DomainException;

/**
 * Every refusal of the HTTP API is an RFC 7807 problem detail whose {@code detail} says which field is
 * wrong and how, and whose {@code errors} list each field with its problem.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(ApiException.class)
    ProblemDetail api(ApiException e) {
        return problem(e.status(), e.field() == null ? e.getMessage() : e.field() + ": " + e.getMessage(),
                e.field() == null ? List.of() : List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(RateLimitExceededException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(RateLimitExceededException e) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), List.of());
        problem.setTitle("Too many requests");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem);
    }

    /** A refusal of the domain: its kind decides the status, its field (if any) is named. */
    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e) {
        if (e.kind() == DomainException.Kind.NOT_FOUND) {
            // the same answer for "no such ticket" and "wrong token": nothing about the thing leaks
            return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
        }
        List<FieldProblem> fields = e.field() == null ? List.of() : List.of(new FieldProblem(e.field(), e.getMessage()));
        if (e.kind() == DomainException.Kind.INVALID && e.field() != null) {
            return invalid(fields);
        }
        return problem(DomainStatus.of(e.kind()), e.field() == null ? e.getMessage() : e.field() + ": " + e.getMessage(), fields);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraint(ConstraintViolationException e) {
        List<FieldProblem> fields = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return invalid(fields);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "one of " + Arrays.toString(e.getRequiredType().getEnumConstants())
                : "a " + (e.getRequiredType() == null ? "valid value" : e.getRequiredType().getSimpleName());
        return invalid(List.of(new FieldProblem(e.getName(), "'" + e.getValue() + "' is not " + expected)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), message(error))).toList();
        return ResponseEntity.badRequest().body(invalid(fields));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = e.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors errors
                        ? errors.getFieldErrors().stream().map(error -> new FieldProblem(error.getField(), message(error)))
                        : result.getResolvableErrors().stream().map(error -> new FieldProblem(
                                parameterName(result.getMethodParameter()), error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid(fields));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        FieldProblem problem = BodyProblems.of(e.getCause());
        return ResponseEntity.badRequest().body(invalid(List.of(problem)));
    }

    /** Spring Security's firewall refusing a parameter or header it reads late (e.g. a name with control characters). */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return invalid(List.of(new FieldProblem("request", "is not accepted: " + e.getMessage())));
    }

    /** A body that claims to be multipart but is not (a missing boundary, a broken part). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail brokenMultipart(MultipartException e) {
        return invalid(List.of(new FieldProblem("body", "is not a readable multipart/form-data body")));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String message = "larger than the upload limit"
                + (e.getMaxUploadSize() > 0 ? " of " + e.getMaxUploadSize() + " bytes" : "");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                "file: " + message, List.of(new FieldProblem("file", message))));
    }

    private static ProblemDetail invalid(List<FieldProblem> fields) {
        String detail = fields.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, detail, fields);
        problem.setTitle("Invalid request");
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String detail, List<FieldProblem> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!fields.isEmpty()) {
            problem.setProperties(Map.of("errors", fields));
        }
        return problem;
    }

    private static String message(FieldError error) {
        if ("Size".equals(error.getCode()) && error.getRejectedValue() instanceof String s) {
            return error.getDefaultMessage() + " (got " + s.length() + ")";
        }
        return error.getDefaultMessage();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String parameterName(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        return parameter.getParameterName();
    }

    /** Anything unexpected: a 500 problem with a reference to the log, never a stack trace. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        LOG.error("Request failed, reference {}", reference, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "OpsDesk could not complete the request; nothing was stored. Reference: " + reference);
        problem.setTitle("Internal error");
        return problem;
    }
}
