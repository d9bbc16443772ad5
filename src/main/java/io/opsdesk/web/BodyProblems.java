package io.opsdesk.web;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.opsdesk.web.ApiExceptionHandler.FieldProblem;

/** What is wrong with a JSON body Jackson could not read, as the field at fault and a sentence. */
final class BodyProblems {

    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");

    private BodyProblems() {
    }

    static FieldProblem of(Throwable cause) {
        FieldProblem problem;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            problem = new FieldProblem(path(unknown), "unknown field; expected one of " + unknown.getKnownPropertyIds());
        } else if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            problem = new FieldProblem(path(invalid), "'" + invalid.getValue() + "' is not one of "
                    + Arrays.toString(invalid.getTargetType().getEnumConstants()));
        } else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            problem = new FieldProblem(path(mismatch), "has the wrong JSON type, expected "
                    + (mismatch.getTargetType() == null ? "another type" : mismatch.getTargetType().getSimpleName()));
        } else if (duplicateField(cause) != null) {
            problem = new FieldProblem(duplicateField(cause), "appears more than once in the JSON body; send each field once");
        } else if (cause instanceof JsonProcessingException json) {
            problem = new FieldProblem("body", "malformed JSON"
                    + (json.getLocation() == null ? "" : " at line " + json.getLocation().getLineNr()
                    + ", column " + json.getLocation().getColumnNr()) + ": " + json.getOriginalMessage());
        } else {
            problem = new FieldProblem("body", "a JSON body is required");
        }
        return problem;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /**
     * The path of the field a {@code Duplicate field} error (spring.jackson.parser.strict-duplicate-detection)
     * is about, e.g. {@code customer.name}; null for any other error. Inside a nested object Jackson wraps the
     * parser's error into one that carries the path to the object.
     */
    private static String duplicateField(Throwable cause) {
        StreamReadException read = cause instanceof StreamReadException r ? r
                : cause instanceof JsonMappingException && cause.getCause() instanceof StreamReadException r ? r : null;
        if (read == null || read.getOriginalMessage() == null) {
            return null;
        }
        Matcher duplicate = DUPLICATE_FIELD.matcher(read.getOriginalMessage());
        if (!duplicate.matches()) {
            return null;
        }
        if (read.getProcessor() != null) {
            String pointer = read.getProcessor().getParsingContext().pathAsPointer().toString();
            if (pointer.length() > 1) {
                return pointer.substring(1).replace('/', '.');
            }
        }
        String parent = cause instanceof JsonMappingException mapping ? path(mapping) : "";
        return parent.isEmpty() ? duplicate.group(1) : parent + "." + duplicate.group(1);
    }
}
